import type { IncomingMessage, ServerResponse } from 'node:http';
import { SSL_ERROR_MESSAGES, SSL_STATUS_CODES } from './fake-sms.rules.js';

/** One accepted message as ISMS Plus lists it in `smsinfo[]`. */
export interface SmsInfo {
  sms_status: 'SUCCESS';
  status_message: 'Success';
  msisdn: string;
  sms_type: 'EN' | 'UNICODE';
  sms_body: string;
  csms_id: string;
  reference_id: string;
}

/** What the fake decided about one request. */
export interface Answer {
  statusCode: number;
  smsinfo?: SmsInfo[];
}

/** The ISMS Plus response body: the outcome is here, the HTTP status is always 200. */
export function answerBody(answer: Answer): Record<string, unknown> {
  const ok = answer.statusCode === SSL_STATUS_CODES.success;
  return {
    status: ok ? 'SUCCESS' : 'FAILED',
    status_code: answer.statusCode,
    error_message: ok ? '' : (SSL_ERROR_MESSAGES[answer.statusCode] ?? 'Error'),
    smsinfo: answer.smsinfo ?? [],
  };
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

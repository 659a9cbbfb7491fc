import { randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Answer, answerBody, readBody, sendJson, type SmsInfo } from './fake-sms.http.js';
import { maxLength, normalizeMsisdn, SSL_STATUS_CODES, smsType } from './fake-sms.rules.js';

/** One SMS the fake accepted. */
export interface FakeSms {
  msisdn: string;
  text: string;
  smsType: 'EN' | 'UNICODE';
  /** The client's id: `csms_id`, or `batch_csms_id` for a bulk send. */
  csmsId: string;
  referenceId: string;
  endpoint: 'send-sms' | 'send-sms/bulk' | 'send-sms/dynamic';
  receivedAt: string;
}

export interface FakeSslWirelessOptions {
  apiToken?: string;
  sid?: string;
  /** Longest message in concatenated parts. Default 10. */
  maxParts?: number;
  /** Requests per second above which it answers 4031. Default unlimited. */
  tps?: number;
  /** Numbers (`8801…`) it answers 4026 for. */
  blockedNumbers?: readonly string[];
  host?: string;
  port?: number;
}

const BASE_PATH = '/api/v3/';

/**
 * A local stand-in for SSL Wireless ISMS Plus API v3 (`send-sms`, `send-sms/bulk`,
 * `send-sms/dynamic`), answering like the real gateway: always HTTP 200 with the outcome in the
 * body. It checks the token and SID (4001/4002), the JSON (4005), required fields (4022),
 * Bangladeshi numbers (4025), blocked numbers (4026), length (4027), repeated `csms_id` (4023)
 * and a TPS limit (4031). Knobs: `failNext` answers the next requests with any status code,
 * `delayNextAcceptance` accepts a message and answers late (a client timeout after
 * acceptance). Accepted messages are in `messages()` and at `GET /__fake/messages`.
 */
export class FakeSslWirelessSms {
  readonly apiToken: string;
  readonly sid: string;
  private readonly accepted: FakeSms[] = [];
  private readonly seenIds = new Set<string>();
  private readonly recent: number[] = [];
  private failures: number[] = [];
  private delays: number[] = [];
  private requestCount = 0;
  private address: AddressInfo | undefined;

  private constructor(
    private readonly server: Server,
    private readonly options: FakeSslWirelessOptions,
  ) {
    this.apiToken = options.apiToken ?? 'fake-ssl-api-token';
    this.sid = options.sid ?? 'HAATFAKE';
  }

  /** Starts the fake on a free loopback port (or `options.port`). */
  static async start(options: FakeSslWirelessOptions = {}): Promise<FakeSslWirelessSms> {
    const server = createServer();
    const fake = new FakeSslWirelessSms(server, options);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      void fake.handle(req, res);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
    fake.address = server.address() as AddressInfo;
    return fake;
  }

  /** The API base URL to configure clients with (`http://127.0.0.1:<port>/api/v3/`). */
  get url(): string {
    if (!this.address) throw new Error('The fake is not listening');
    return `http://${this.address.address}:${this.address.port}${BASE_PATH}`;
  }

  /** Every accepted SMS, oldest first; `msisdn` filters (either number form). */
  messages(msisdn?: string): FakeSms[] {
    const wanted = msisdn === undefined ? undefined : normalizeMsisdn(msisdn.replace(/^\+/, ''));
    return this.accepted.filter((m) => wanted === undefined || m.msisdn === wanted);
  }

  /** Requests received on the API paths, accepted or not. */
  get requests(): number {
    return this.requestCount;
  }

  /** The next `count` API requests answer `statusCode` (5000, 4029, 4003, …) and send nothing. */
  failNext(count: number, statusCode: number = SSL_STATUS_CODES.unknownError): void {
    this.failures.push(...Array.from({ length: count }, () => statusCode));
  }

  /** The next accepted request is recorded at once but answered only after `ms`. */
  delayNextAcceptance(ms: number): void {
    this.delays.push(ms);
  }

  /** Forgets messages, ids and knobs. */
  reset(): void {
    this.accepted.length = 0;
    this.seenIds.clear();
    this.recent.length = 0;
    this.failures = [];
    this.delays = [];
    this.requestCount = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    if (req.method === 'GET' && path === '/__fake/messages') {
      sendJson(res, 200, { messages: this.accepted });
      return;
    }
    const raw = await readBody(req);
    if (!path.startsWith(BASE_PATH)) return sendJson(res, 404, { message: 'Not found' });
    this.requestCount++;
    const endpoint = path.slice(BASE_PATH.length).replace(/\/$/, '');
    const answer = this.answer(req.method ?? 'GET', endpoint, raw);
    if (answer.statusCode === SSL_STATUS_CODES.success) {
      const delay = this.delays.shift();
      if (delay) await sleep(delay);
    }
    sendJson(res, 200, answerBody(answer));
  }

  private answer(method: string, endpoint: string, raw: string): Answer {
    if (method !== 'POST' || !['send-sms', 'send-sms/bulk', 'send-sms/dynamic'].includes(endpoint)) {
      return { statusCode: SSL_STATUS_CODES.endpointNotFound };
    }
    const forced = this.failures.shift();
    if (forced !== undefined) return { statusCode: forced };
    if (this.overTps()) return { statusCode: SSL_STATUS_CODES.tpsExceeded };
    let input: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error('not an object');
      input = parsed as Record<string, unknown>;
    } catch {
      return { statusCode: SSL_STATUS_CODES.invalidRequestFormat };
    }
    if (!input.api_token || !input.sid) return { statusCode: SSL_STATUS_CODES.requiredParameterMissing };
    if (input.api_token !== this.apiToken) return { statusCode: SSL_STATUS_CODES.unauthorized };
    if (input.sid !== this.sid) return { statusCode: SSL_STATUS_CODES.sidNotPermitted };
    if (endpoint === 'send-sms') return this.single(input);
    if (endpoint === 'send-sms/bulk') return this.bulk(input);
    return this.dynamic(input);
  }

  private single(input: Record<string, unknown>): Answer {
    const { msisdn, sms, csms_id: csmsId } = input;
    if (!msisdn || typeof sms !== 'string' || !sms || !csmsId) {
      return { statusCode: SSL_STATUS_CODES.requiredParameterMissing };
    }
    return this.accept('send-sms', String(csmsId), [{ msisdn, text: sms }]);
  }

  private bulk(input: Record<string, unknown>): Answer {
    const { sms, batch_csms_id: batchId } = input;
    const numbers = Array.isArray(input.msisdn)
      ? input.msisdn
      : typeof input.msisdn === 'string'
        ? input.msisdn.split(',')
        : [];
    if (numbers.length === 0 || typeof sms !== 'string' || !sms || !batchId) {
      return { statusCode: SSL_STATUS_CODES.requiredParameterMissing };
    }
    return this.accept(
      'send-sms/bulk',
      String(batchId),
      numbers.map((msisdn: unknown) => ({ msisdn, text: sms })),
    );
  }

  private dynamic(input: Record<string, unknown>): Answer {
    if (!Array.isArray(input.sms) || input.sms.length === 0) {
      return { statusCode: SSL_STATUS_CODES.requiredParameterMissing };
    }
    const items = input.sms as Record<string, unknown>[];
    if (items.some((i) => !i?.msisdn || typeof i.text !== 'string' || !i.text || !i.csms_id)) {
      return { statusCode: SSL_STATUS_CODES.requiredParameterMissing };
    }
    const ids = items.map((i) => String(i.csms_id));
    if (new Set(ids).size !== ids.length || ids.some((id) => this.seenIds.has(id))) {
      return { statusCode: SSL_STATUS_CODES.duplicateCsmsId };
    }
    const checked = this.check(items.map((i) => ({ msisdn: i.msisdn, text: String(i.text) })));
    if (typeof checked === 'number') return { statusCode: checked };
    ids.forEach((id) => this.seenIds.add(id));
    return {
      statusCode: SSL_STATUS_CODES.success,
      smsinfo: checked.map((m, i) => this.record('send-sms/dynamic', ids[i] as string, m)),
    };
  }

  /** Checks every message, then records them all or none. */
  private accept(
    endpoint: FakeSms['endpoint'],
    csmsId: string,
    items: { msisdn: unknown; text: string }[],
  ): Answer {
    if (this.seenIds.has(csmsId)) return { statusCode: SSL_STATUS_CODES.duplicateCsmsId };
    const checked = this.check(items);
    if (typeof checked === 'number') return { statusCode: checked };
    this.seenIds.add(csmsId);
    return {
      statusCode: SSL_STATUS_CODES.success,
      smsinfo: checked.map((m) => this.record(endpoint, csmsId, m)),
    };
  }

  private check(items: { msisdn: unknown; text: string }[]): { msisdn: string; text: string }[] | number {
    const out: { msisdn: string; text: string }[] = [];
    for (const item of items) {
      const msisdn = normalizeMsisdn(item.msisdn);
      if (!msisdn) return SSL_STATUS_CODES.invalidCellNumber;
      if (this.options.blockedNumbers?.includes(msisdn)) return SSL_STATUS_CODES.blockedCellNumber;
      if (item.text.includes('\u0000')) return SSL_STATUS_CODES.invalidMessageData;
      if (item.text.length > maxLength(smsType(item.text), this.options.maxParts ?? 10)) {
        return SSL_STATUS_CODES.messageLengthExceeded;
      }
      out.push({ msisdn, text: item.text });
    }
    return out;
  }

  private record(
    endpoint: FakeSms['endpoint'],
    csmsId: string,
    m: { msisdn: string; text: string },
  ): SmsInfo {
    const referenceId = `${Date.now()}${randomInt(100_000, 999_999)}`;
    const type = smsType(m.text);
    this.accepted.push({
      msisdn: m.msisdn,
      text: m.text,
      smsType: type,
      csmsId,
      referenceId,
      endpoint,
      receivedAt: new Date().toISOString(),
    });
    return {
      sms_status: 'SUCCESS',
      status_message: 'Success',
      msisdn: m.msisdn,
      sms_type: type,
      sms_body: m.text,
      csms_id: csmsId,
      reference_id: referenceId,
    };
  }

  private overTps(): boolean {
    if (this.options.tps === undefined) return false;
    const now = Date.now();
    while (this.recent.length > 0 && (this.recent[0] as number) <= now - 1000) this.recent.shift();
    this.recent.push(now);
    return this.recent.length > this.options.tps;
  }
}

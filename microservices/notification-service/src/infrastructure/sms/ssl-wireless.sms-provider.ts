import { z } from 'zod';
import { permanent, retryable, type SendResult, sent } from '../channels/send-result.js';
import type { OutgoingSms, SmsProvider } from './sms.provider.js';
import { sslVerdict } from './ssl-wireless.status.js';

export interface SslWirelessOptions {
  /** `https://smsplus.sslwireless.com/api/v3/` (the domain is given per customer). */
  baseUrl: string;
  apiToken: string;
  sid: string;
  timeoutMs: number;
}

/** The answer of `send-sms`: HTTP 200 even for most failures, so the body decides. */
const SendSmsResponseSchema = z.object({
  status: z.string().optional(),
  status_code: z.coerce.number().int(),
  error_message: z.string().nullable().optional(),
  smsinfo: z
    .array(
      z.object({
        sms_status: z.string().optional(),
        msisdn: z.union([z.string(), z.number()]).optional(),
        csms_id: z.union([z.string(), z.number()]).optional(),
        reference_id: z.union([z.string(), z.number()]).optional(),
      }),
    )
    .nullable()
    .optional(),
});

const PROVIDER = 'sslwireless';

/**
 * SSL Wireless ISMS Plus API v3, single SMS (`POST send-sms`). The `csms_id` is the delivery id,
 * so a retry after a timeout is refused as a duplicate (4023) instead of sent twice, and counts
 * as sent. SSL only delivers to Bangladeshi numbers (`8801XXXXXXXXX`).
 */
export class SslWirelessSmsProvider implements SmsProvider {
  readonly name = PROVIDER;
  private readonly endpoint: string;

  constructor(private readonly options: SslWirelessOptions) {
    this.endpoint = new URL(
      'send-sms',
      options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`,
    ).toString();
  }

  async send(sms: OutgoingSms): Promise<SendResult> {
    if (!/^\+8801\d{9}$/.test(sms.to)) {
      return permanent(
        PROVIDER,
        'SMS_DESTINATION_UNSUPPORTED',
        `${sms.to} is not a Bangladeshi mobile number`,
      );
    }
    const csmsId = sms.messageId.replace(/-/g, '');
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          api_token: this.options.apiToken,
          sid: this.options.sid,
          msisdn: sms.to.slice(1),
          sms: sms.text,
          csms_id: csmsId,
        }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (err) {
      const name = err instanceof Error ? err.name : 'Error';
      return retryable(PROVIDER, name === 'TimeoutError' ? 'SMS_TIMEOUT' : 'SMS_UNREACHABLE', describe(err));
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) return retryable(PROVIDER, `HTTP_${response.status}`, text.slice(0, 300));
    const parsed = SendSmsResponseSchema.safeParse(safeJson(text));
    if (!parsed.success)
      return retryable(PROVIDER, 'SMS_BAD_RESPONSE', `Unreadable answer: ${text.slice(0, 300)}`);
    const body = parsed.data;
    const { meaning, verdict } = sslVerdict(body.status_code);
    const detail = `${body.status_code} ${meaning}${body.error_message ? `: ${body.error_message}` : ''}`;
    if (verdict === 'sent') {
      const reference = body.smsinfo?.[0]?.reference_id;
      return sent(PROVIDER, reference === undefined ? null : String(reference));
    }
    const code = `SSL_${body.status_code}`;
    return verdict === 'retry' ? retryable(PROVIDER, code, detail) : permanent(PROVIDER, code, detail);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as Error & { cause?: unknown }).cause;
  return cause instanceof Error ? `${err.message}: ${cause.message}` : err.message;
}

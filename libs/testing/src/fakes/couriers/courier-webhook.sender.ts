import { setTimeout as sleep } from 'node:timers/promises';

/** One webhook POST a courier fake made, with the listener's answer. */
export interface CourierWebhookDelivery {
  url: string;
  headers: Record<string, string>;
  body: string;
  status: number;
  /** The listener's response headers (Pathao checks the integration header). */
  responseHeaders: Record<string, string>;
  responseBody: string;
  attempt: number;
  at: Date;
}

export interface CourierWebhookSenderOptions {
  /** Extra attempts after a non-2xx answer or a network error (default 0: the couriers' retry policy is unconfirmed). */
  retries?: number;
  /** Pause between attempts (default 50 ms). */
  retryDelayMs?: number;
}

/**
 * POSTs courier webhooks and keeps every delivery for assertions. Retries on a non-2xx answer
 * when asked to; a listener that is down counts as status 0.
 */
export class CourierWebhookSender {
  /** Every attempt, oldest first. */
  readonly deliveries: CourierWebhookDelivery[] = [];
  private readonly retries: number;
  private readonly retryDelayMs: number;

  constructor(options: CourierWebhookSenderOptions = {}) {
    this.retries = options.retries ?? 0;
    this.retryDelayMs = options.retryDelayMs ?? 50;
  }

  async send(url: string, headers: Record<string, string>, body: string): Promise<CourierWebhookDelivery> {
    let last: CourierWebhookDelivery | undefined;
    for (let attempt = 1; attempt <= this.retries + 1; attempt++) {
      last = await this.attempt(url, headers, body, attempt);
      this.deliveries.push(last);
      if (last.status >= 200 && last.status < 300) return last;
      if (attempt <= this.retries) await sleep(this.retryDelayMs);
    }
    return last as CourierWebhookDelivery;
  }

  private async attempt(
    url: string,
    headers: Record<string, string>,
    body: string,
    attempt: number,
  ): Promise<CourierWebhookDelivery> {
    try {
      const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
      const responseHeaders: Record<string, string> = {};
      res.headers.forEach((value, key) => {
        responseHeaders[key] = value;
      });
      return {
        url,
        headers,
        body,
        status: res.status,
        responseHeaders,
        responseBody: await res.text(),
        attempt,
        at: new Date(),
      };
    } catch (err) {
      return {
        url,
        headers,
        body,
        status: 0,
        responseHeaders: {},
        responseBody: err instanceof Error ? err.message : String(err),
        attempt,
        at: new Date(),
      };
    }
  }
}

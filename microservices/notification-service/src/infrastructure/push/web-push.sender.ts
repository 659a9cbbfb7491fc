import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@haat/service';
import webpush from 'web-push';
import type { NotificationServiceConfig } from '../../config/notification-service.config.js';
import { permanent, retryable, type SendResult, sent } from '../channels/send-result.js';
import { VapidKeyStore } from './vapid-key.store.js';

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** What the service worker receives (JSON). */
export interface PushPayload {
  title: string;
  body: string;
  tag: string;
  data: Record<string, unknown>;
}

const PROVIDER = 'webpush';

/**
 * Sends Web Push messages (RFC 8030) encrypted for the subscription (RFC 8291, aes128gcm) and
 * signed with VAPID (RFC 8292), through the `web-push` library.
 */
@Injectable()
export class WebPushSender {
  constructor(
    private readonly keys: VapidKeyStore,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationServiceConfig,
  ) {}

  async send(target: PushTarget, payload: PushPayload, topic: string): Promise<SendResult> {
    const vapid = await this.keys.keys();
    if (!vapid) return permanent(PROVIDER, 'PUSH_DISABLED', 'Web push has no VAPID keys configured');
    try {
      const res = await webpush.sendNotification(
        { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
        JSON.stringify(payload),
        {
          vapidDetails: { subject: this.config.VAPID_SUBJECT, ...vapid },
          TTL: Math.floor(this.config.PUSH_TTL / 1000),
          timeout: this.config.PUSH_TIMEOUT,
          topic,
          urgency: 'normal',
          contentEncoding: 'aes128gcm',
        },
      );
      return sent(PROVIDER, headerValue(res.headers, 'location'));
    } catch (err) {
      return classifyPushError(err);
    }
  }
}

/**
 * RFC 8030 §5–8: 404/410 mean the subscription is gone (forget it); 429 and 5xx are worth a
 * retry; other 4xx refuse the message; no answer at all (network, timeout) is retried.
 */
export function classifyPushError(err: unknown): SendResult {
  if (err instanceof webpush.WebPushError) {
    const detail = `${err.statusCode} ${err.body}`.slice(0, 500);
    const code = `PUSH_${err.statusCode}`;
    if (err.statusCode === 404 || err.statusCode === 410) {
      return { outcome: 'permanent_error', provider: PROVIDER, errorCode: code, error: detail, gone: true };
    }
    if (err.statusCode === 429 || err.statusCode >= 500) return retryable(PROVIDER, code, detail);
    return permanent(PROVIDER, code, detail);
  }
  return retryable(PROVIDER, 'PUSH_UNREACHABLE', err instanceof Error ? err.message : String(err));
}

function headerValue(headers: unknown, name: string): string | null {
  if (typeof headers !== 'object' || headers === null) return null;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
}

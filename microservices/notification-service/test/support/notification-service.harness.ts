import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { newId } from '@haat/common';
import type { EventDefinition, EventEnvelope } from '@haat/contracts';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@haat/database';
import { addToOutbox, envelope } from '@haat/messaging';
import { type RunningService, startService } from '@haat/service';
import { FakeSslWirelessSms, type FakeSslWirelessOptions } from '@haat/testing';
import { type RequestContext, signInternalRequest } from '@haat/tenant';
import type { z } from 'zod';
import type { NotificationServiceConfig } from '../../src/config/notification-service.config.js';
import { notificationService } from '../../src/service.js';

export const SECRET = 'notification-test-secret-0123456789';

/** Who calls: the identity the gateway would sign. */
export type Caller = Pick<RequestContext, 'tenantId' | 'userId' | 'roles' | 'permissions'>;

export const staff = (tenantId: string): Caller => ({
  tenantId,
  userId: `staff-${tenantId.slice(0, 8)}`,
  roles: ['tenant_staff'],
  permissions: [
    'notification-template:read',
    'notification-template:update',
    'notification-log:read',
    'notification-log:update',
    'notification:send',
    'notification-recipient:read',
    'notification-recipient:update',
  ],
});

/** A shopper: permissions come from the built-in `customer` role. */
export const customer = (tenantId: string, userId: string): Caller => ({
  tenantId,
  userId,
  roles: ['customer'],
  permissions: [],
});

export const operator = (): Caller => ({
  tenantId: null,
  userId: 'operator-1',
  roles: ['operator'],
  permissions: [],
});

export interface Response {
  status: number;
  headers: Headers;
  json: unknown;
  text: string;
  body: Buffer;
}

/** One notification-service against its own database, mailbox folder and fake SMS gateway. */
export class NotificationHarness {
  private constructor(
    readonly db: ThrowawayDatabase,
    readonly sms: FakeSslWirelessSms,
    readonly mailboxDir: string,
    readonly service: RunningService<NotificationServiceConfig>,
    private readonly extra: { service: RunningService<NotificationServiceConfig>; dir: string }[] = [],
  ) {}

  static async start(
    env: Record<string, string> = {},
    smsOptions: FakeSslWirelessOptions = {},
  ): Promise<NotificationHarness> {
    const db = await createThrowawayDatabase('notification-service');
    const sms = await FakeSslWirelessSms.start(smsOptions);
    const mailboxDir = await mkdtemp(join(tmpdir(), 'haat-mailbox-'));
    const service = await startService(notificationService, {
      env: NotificationHarness.env(db, sms, mailboxDir, env),
    });
    return new NotificationHarness(db, sms, mailboxDir, service);
  }

  private static env(
    db: ThrowawayDatabase,
    sms: FakeSslWirelessSms,
    mailboxDir: string,
    env: Record<string, string>,
  ): Record<string, string> {
    return {
      DATABASE_URL: db.appUrl,
      DATABASE_MIGRATION_URL: db.ownerUrl,
      INTERNAL_SIGNING_SECRET: SECRET,
      LOG_LEVEL: 'silent',
      HTTP_PORT: '0',
      MAILBOX_SMTP_PORT: '0',
      MAILBOX_DIR: mailboxDir,
      SMS_PROVIDER: 'sslwireless',
      SSL_SMS_BASE_URL: sms.url,
      SSL_SMS_API_TOKEN: sms.apiToken,
      SSL_SMS_SID: sms.sid,
      SMS_TIMEOUT: '2s',
      DELIVERY_RETRY_INITIAL: '50ms',
      DELIVERY_RETRY_MAX: '200ms',
      DELIVERY_MAX_ATTEMPTS: '3',
      DELIVERY_POLL_INTERVAL: '200ms',
      PUSH_ALLOW_PRIVATE_ENDPOINTS: 'true',
      ...env,
    };
  }

  /** Another instance on the same database and SMS gateway (its own mailbox). */
  async startAnother(env: Record<string, string> = {}): Promise<RunningService<NotificationServiceConfig>> {
    const dir = await mkdtemp(join(tmpdir(), 'haat-mailbox-'));
    const other = await startService(notificationService, {
      env: NotificationHarness.env(this.db, this.sms, dir, env),
    });
    this.extra.push({ service: other, dir });
    return other;
  }

  async close(): Promise<void> {
    for (const { service, dir } of this.extra) {
      await service.close();
      await rm(dir, { recursive: true, force: true });
    }
    await this.service.close();
    await this.sms.close();
    await this.db.drop();
    await rm(this.mailboxDir, { recursive: true, force: true });
  }

  async call(
    method: string,
    path: string,
    caller: Caller | null,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const signed = caller
      ? signInternalRequest({
          method,
          path,
          body: text,
          secret: SECRET,
          context: { ...caller, requestId: `req-${newId()}` },
        })
      : {};
    const res = await fetch(this.service.url + path, {
      method,
      body: text,
      headers: { ...signed, ...(text ? { 'content-type': 'application/json' } : {}), ...headers },
    });
    const raw = Buffer.from(await res.arrayBuffer());
    const asText = raw.toString('utf8');
    const isJson = res.headers.get('content-type')?.includes('json') && asText.length > 0;
    return {
      status: res.status,
      headers: res.headers,
      json: isJson ? JSON.parse(asText) : undefined,
      text: asText,
      body: raw,
    };
  }

  /** Publishes an event the way its producer would: into an outbox, from which the relay delivers it. */
  async publish<S extends z.ZodType>(
    definition: EventDefinition<string, S>,
    tenantId: string | null,
    payload: z.input<S>,
  ): Promise<EventEnvelope> {
    const built = envelope(
      definition,
      { tenantId },
      { aggregateType: 'test', aggregateId: newId(), payload },
    );
    await this.service.runtime.database.transaction((tx) => addToOutbox(tx, built));
    return built;
  }

  /** Delivers an envelope again, straight through the transport (a broker's redelivery). */
  async redeliver(event: EventEnvelope): Promise<void> {
    await this.service.runtime.transport.publish(event);
  }
}

/** Retries `probe` until it returns something (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    await sleep(50);
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
}

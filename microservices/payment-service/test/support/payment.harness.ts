import { randomInt } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '@haat/common';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@haat/database';
import type { RunningService } from '@haat/service';
import { startService } from '@haat/service';
import { signInternalRequest } from '@haat/tenant';
import { type PaymentSandboxes, type SandboxCredentials, startPaymentSandboxes } from '@haat/testing';
import { sql } from 'drizzle-orm';
import { paymentService } from '../../src/service.js';
import { seedPaymentAccounts } from '../../src/modules/accounts/payment-accounts.seed.js';

export const SECRET = 'payment-test-secret-0123456789';

export interface Caller {
  tenantId: string;
  userId?: string | null;
  roles?: string[];
  permissions?: string[];
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  json: T;
  text: string;
}

export interface Shop {
  tenantId: string;
  credentials: SandboxCredentials;
  staff: Caller;
  customer: Caller;
}

/** payment-service on a throwaway database with the four provider sandboxes in front of it. */
export class PaymentHarness {
  sandboxes!: PaymentSandboxes;
  svc!: RunningService;
  private db!: ThrowawayDatabase;
  private reportsDir!: string;

  async start(env: Record<string, string> = {}): Promise<this> {
    this.sandboxes = await startPaymentSandboxes();
    this.db = await createThrowawayDatabase('payment-service');
    this.reportsDir = await mkdtemp(join(tmpdir(), 'payment-reports-'));
    this.svc = await startService(paymentService, {
      env: {
        DATABASE_URL: this.db.appUrl,
        DATABASE_MIGRATION_URL: this.db.ownerUrl,
        INTERNAL_SIGNING_SECRET: SECRET,
        LOG_LEVEL: 'silent',
        HTTP_PORT: '0',
        PAYMENT_PUBLIC_PATH_PREFIX: '/',
        PAYMENT_PROVIDER_TIMEOUT: '1s',
        PAYMENT_REFUND_CHECK_INTERVAL: '1h',
        REPORTS_DIR: this.reportsDir,
        ...this.sandboxes.env(),
        ...env,
      },
    });
    return this;
  }

  async close(): Promise<void> {
    await this.svc?.close();
    await this.sandboxes?.close();
    await this.db?.drop();
    if (this.reportsDir) await rm(this.reportsDir, { recursive: true, force: true });
  }

  /** A new shop with sandbox accounts at every provider. */
  async shop(label = 'shop', webhooks?: { stripe?: string; paypal?: string }): Promise<Shop> {
    const tenantId = newId();
    const credentials = this.sandboxes.accountsFor(label, webhooks);
    await seedPaymentAccounts(this.svc.app, tenantId, credentials);
    return {
      tenantId,
      credentials,
      staff: { tenantId, userId: `staff-${newId()}`, roles: ['tenant_owner'], permissions: ['*'] },
      customer: { tenantId, userId: `customer-${newId()}`, roles: ['customer'], permissions: [] },
    };
  }

  /** A request signed like the gateway signs it, with the tenant's host forwarded. */
  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    as: Caller,
    options: { body?: unknown; headers?: Record<string, string>; idempotencyKey?: string } = {},
  ): Promise<Answer<T>> {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const signed = signInternalRequest({
      method,
      path,
      body,
      secret: SECRET,
      context: {
        tenantId: as.tenantId,
        userId: as.userId === undefined ? 'user-1' : as.userId,
        roles: as.roles ?? [],
        permissions: as.permissions ?? ['*'],
        requestId: `req-${newId()}`,
      },
    });
    const res = await fetch(this.svc.url + path, {
      method,
      body,
      redirect: 'manual',
      headers: {
        ...signed,
        'x-forwarded-host': new URL(this.svc.url).host,
        'x-forwarded-proto': 'http',
        // A different customer address per request, so fraud velocity stays out of unrelated tests.
        'x-forwarded-for': randomIp(),
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
        ...options.headers,
      },
    });
    const text = await res.text();
    const json = (res.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : {}) as T;
    return { status: res.status, headers: res.headers, json, text };
  }

  /** Creates an intent as a fresh customer of the shop (or `as`). */
  createIntent(
    shop: Shop,
    body: Record<string, unknown>,
    as: Caller = { ...shop.customer, userId: `customer-${newId()}` },
  ) {
    return this.call<IntentJson>('POST', '/v1/payments/intents', as, {
      body: { orderId: newId(), ...body },
      idempotencyKey: newId(),
    });
  }

  getIntent(shop: Shop, id: string) {
    return this.call<IntentJson>('GET', `/v1/payments/intents/${id}`, shop.staff);
  }

  /** Follows a browser step (GET or POST) without following redirects; returns status and Location. */
  async browse(
    url: string,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<{ status: number; location: string | null; text: string }> {
    const res = await fetch(url, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      ...(init.form
        ? {
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams(init.form).toString(),
          }
        : {}),
    });
    return { status: res.status, location: res.headers.get('location'), text: await res.text() };
  }

  webhookUrl(provider: string, tenantId: string): string {
    return `${this.svc.url}/v1/payments/webhooks/${provider}/${tenantId}`;
  }

  /** Event types in the outbox for an intent, oldest first. */
  async outbox(intentId: string): Promise<{ type: string; payload: Record<string, unknown> }[]> {
    const result = await this.svc.runtime.database.db.execute<{
      event_type: string;
      payload: { payload: Record<string, unknown> };
    }>(
      sql`select event_type, payload from outbox_events where aggregate_id = ${intentId} order by created_at, id`,
    );
    return result.rows.map((r) => ({ type: r.event_type, payload: r.payload.payload }));
  }
}

function randomIp(): string {
  const n = randomInt(1, 2 ** 24);
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/** A Bangladeshi mobile number nobody else in the test uses. */
export function randomPhone(): string {
  return `017${String(randomInt(0, 1e8)).padStart(8, '0')}`;
}

export interface IntentJson {
  id: string;
  orderId: string;
  method: string;
  status: string;
  amountMinor: string;
  currency: string;
  capturedMinor: string;
  refundedMinor: string;
  reference: string;
  nextAction: { type: 'redirect'; url: string } | { type: 'stripe_sdk'; clientSecret: string } | null;
  risk: { score: number; decision: string };
  review: string | null;
  failure: { code: string; message: string | null } | null;
  providerReference: string | null;
  providerTransactionId: string | null;
  error?: { code: string; message: string; details: Record<string, unknown> };
}

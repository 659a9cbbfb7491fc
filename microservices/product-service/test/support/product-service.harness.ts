import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { newId } from '@haat/common';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@haat/database';
import { type RunningService, startService } from '@haat/service';
import { type RequestContext, signInternalRequest } from '@haat/tenant';
import { productService } from '../../src/service.js';
import { LimitsStub } from './limits-stub.server.js';

export const SIGNING_SECRET = 'product-service-test-secret-0123456789';

/** Who calls: the signed identity the gateway would send. */
export type Caller = Omit<RequestContext, 'requestId'>;

export const staff = (tenantId: string): Caller => ({
  tenantId,
  userId: `staff-${tenantId.slice(-6)}`,
  roles: ['tenant_staff'],
  permissions: [],
});
/** A vendor's staff: the base role (its permissions) and the role bound to their vendor (its scope). */
export const vendorStaff = (tenantId: string, vendorId: string): Caller => ({
  tenantId,
  userId: `vendor-staff-${vendorId.slice(-6)}`,
  roles: ['vendor_staff', `vendor_staff:${vendorId}`],
  permissions: [],
});
export const guest = (tenantId: string): Caller => ({ tenantId, userId: null, roles: [], permissions: [] });

export interface Reply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  json: T;
  text: string;
}

export interface ErrorJson {
  error: {
    code: string;
    message: string;
    details: { fields?: { field: string }[] } & Record<string, unknown>;
  };
}

export interface CallOptions {
  as: Caller;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Harness {
  svc: RunningService;
  limits: LimitsStub;
  call<T = Record<string, unknown>>(method: string, path: string, options: CallOptions): Promise<Reply<T>>;
  /** A raw, unsigned request (upload URLs carry their own signature). */
  raw(
    method: string,
    path: string,
    init?: { body?: Buffer | string; headers?: Record<string, string> },
  ): Promise<Reply>;
  outbox(
    type: string,
    aggregateId?: string,
  ): Promise<{ type: string; tenantId: string | null; payload: Record<string, unknown> }[]>;
  close(): Promise<void>;
}

async function reply<T>(res: Response): Promise<Reply<T>> {
  const text = await res.text();
  const isJson = res.headers.get('content-type')?.includes('json') && text;
  return {
    status: res.status,
    headers: res.headers,
    json: (isJson ? JSON.parse(text) : undefined) as T,
    text,
  };
}

/** A fresh database, a tenant-service stand-in and product-service started by the kit. */
export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const db: ThrowawayDatabase = await createThrowawayDatabase('product-service');
  const limits = await new LimitsStub(SIGNING_SECRET).start();
  const dir = await mkdtemp(join(tmpdir(), 'haat-product-test-'));
  let svc: RunningService;
  try {
    svc = await startService(productService, {
      env: {
        DATABASE_URL: db.appUrl,
        DATABASE_MIGRATION_URL: db.ownerUrl,
        INTERNAL_SIGNING_SECRET: SIGNING_SECRET,
        LOG_LEVEL: 'silent',
        HTTP_PORT: '0',
        TENANT_SERVICE_URL: limits.url,
        PRODUCT_IMPORT_DIR: join(dir, 'imports'),
        REPORTS_DIR: join(dir, 'reports'),
        STOREFRONT_BASE_URL: 'https://shop.example.com',
        ...env,
      },
    });
  } catch (err) {
    await limits.close();
    await db.drop();
    throw err;
  }
  return {
    svc,
    limits,
    async call<T>(method: string, path: string, options: CallOptions): Promise<Reply<T>> {
      const body = options.body === undefined ? undefined : JSON.stringify(options.body);
      const headers: Record<string, string> = {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...signInternalRequest({
          method,
          path,
          body,
          secret: SIGNING_SECRET,
          context: { ...options.as, requestId: `req-${newId()}` },
        }),
        ...options.headers,
      };
      return reply<T>(await fetch(svc.url + path, { method, body, headers, redirect: 'manual' }));
    },
    async raw(method, path, init = {}) {
      return reply(await fetch(svc.url + path, { method, body: init.body, headers: init.headers }));
    },
    async outbox(type, aggregateId) {
      const { rows } = await svc.runtime.database.pool.query<{
        payload: { type: string; tenantId: string | null; payload: Record<string, unknown> };
      }>(
        `select payload from outbox_events where event_type = $1 ${aggregateId ? 'and aggregate_id = $2' : ''} order by id`,
        aggregateId ? [type, aggregateId] : [type],
      );
      return rows.map((r) => r.payload);
    },
    async close() {
      await svc.close();
      await limits.close();
      await db.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Polls `read` until `done` holds (or about `timeoutMs` passes) and returns the last value. */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (v: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await sleep(100);
    value = await read();
  }
  return value;
}

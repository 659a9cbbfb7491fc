import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock, newId } from '@haat/common';
import { createThrowawayDatabase, testAdminUrl, type ThrowawayDatabase } from '@haat/database';
import { type RunningService, startService } from '@haat/service';
import { type RequestContext, signInternalRequest } from '@haat/tenant';
import pg from 'pg';
import { CommissionsGrpcServer } from '../../src/infrastructure/grpc/commissions.grpc-server.js';
import { createVendorService } from '../../src/service.js';

export const SIGNING_SECRET = 'vendor-service-test-secret-0123456789';

/** Who calls: the signed identity the gateway (or another service) would send. */
export type Caller = Omit<RequestContext, 'requestId'>;

/** Someone signed in with no marketplace or vendor role yet: who applies to sell. */
export const applicant = (tenantId: string, userId = `user-${newId()}`): Caller => ({
  tenantId,
  userId,
  roles: ['customer'],
  permissions: [],
});
export const tenantOwner = (tenantId: string): Caller => ({
  tenantId,
  userId: `owner-of-${tenantId}`,
  roles: ['tenant_owner'],
  permissions: [],
});
export const tenantStaff = (tenantId: string): Caller => ({
  tenantId,
  userId: `staff-of-${tenantId}`,
  roles: ['tenant_staff'],
  permissions: [],
});
/** A vendor's owner as the gateway signs them: the built-in role for permissions, the vendor in `vendorIds`. */
export const vendorOwner = (tenantId: string, vendorId: string): Caller => ({
  tenantId,
  userId: `owner-of-${vendorId}`,
  roles: ['vendor_owner'],
  permissions: [],
  vendorIds: [vendorId],
});
export const vendorStaff = (tenantId: string, vendorId: string): Caller => ({
  tenantId,
  userId: `staff-of-${vendorId}`,
  roles: ['vendor_staff'],
  permissions: [],
  vendorIds: [vendorId],
});
/** Another service (order, accounting) calling for a tenant. */
export const platform = (tenantId: string): Caller => ({
  tenantId,
  userId: null,
  roles: ['system'],
  permissions: ['*'],
});

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
    details: { fields?: { field: string; message: string }[] } & Record<string, unknown>;
  };
}

export interface OutboxEvent<P = Record<string, unknown>> {
  id: string;
  type: string;
  tenantId: string | null;
  aggregateType: string;
  aggregateId: string;
  payload: P;
}

export interface Harness {
  svc: RunningService;
  db: ThrowawayDatabase;
  clock: ManualClock;
  reportsDir: string;
  grpcPort(): number;
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { as: Caller; body?: unknown },
  ): Promise<Reply<T>>;
  /** A signed GET whose body is read as bytes (PDF downloads). */
  bytes(path: string, as: Caller): Promise<{ status: number; headers: Headers; body: Buffer }>;
  /** Envelopes in the outbox of `type` (optionally about one aggregate), oldest first. */
  outbox<P = Record<string, unknown>>(type: string, aggregateId?: string): Promise<OutboxEvent<P>[]>;
  /** A query as the superuser (every tenant's rows, as stored). */
  raw<R extends Record<string, unknown>>(text: string, values?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

/** A fresh database and vendor-service started by the kit with a manual clock, as in production. */
export async function startHarness(
  options: { env?: Record<string, string>; now?: Date } = {},
): Promise<Harness> {
  const db = await createThrowawayDatabase('vendor-service');
  const reportsDir = await mkdtemp(join(tmpdir(), 'haat-vendor-reports-'));
  const clock = new ManualClock(options.now ?? new Date('2026-03-10T09:00:00Z'));
  let svc: RunningService;
  try {
    svc = await startService(createVendorService({ clock }), {
      env: {
        DATABASE_URL: db.appUrl,
        DATABASE_MIGRATION_URL: db.ownerUrl,
        INTERNAL_SIGNING_SECRET: SIGNING_SECRET,
        LOG_LEVEL: 'silent',
        HTTP_PORT: '0',
        GRPC_PORT: '0',
        REPORTS_DIR: reportsDir,
        ...options.env,
      },
    });
  } catch (err) {
    await db.drop();
    await rm(reportsDir, { recursive: true, force: true });
    throw err;
  }
  // The superuser bypasses row-level security: what a test reads here is what is on disk.
  const admin = new URL(testAdminUrl());
  admin.pathname = `/${db.database}`;
  const owner = new pg.Pool({ connectionString: admin.toString(), max: 2 });
  return {
    svc,
    db,
    clock,
    reportsDir,
    grpcPort: () => svc.app.get(CommissionsGrpcServer, { strict: false }).port,
    async call<T>(method: string, path: string, o: { as: Caller; body?: unknown }): Promise<Reply<T>> {
      const body = o.body === undefined ? undefined : JSON.stringify(o.body);
      const headers: Record<string, string> =
        body === undefined ? {} : { 'content-type': 'application/json' };
      Object.assign(
        headers,
        signInternalRequest({
          method,
          path,
          body,
          secret: SIGNING_SECRET,
          context: { ...o.as, requestId: `req-${newId()}` },
        }),
      );
      const res = await fetch(svc.url + path, { method, body, headers });
      const text = await res.text();
      const json = (
        res.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : undefined
      ) as T;
      return { status: res.status, headers: res.headers, json, text };
    },
    async bytes(path: string, as: Caller) {
      const headers = signInternalRequest({
        method: 'GET',
        path,
        secret: SIGNING_SECRET,
        context: { ...as, requestId: `req-${newId()}` },
      });
      const res = await fetch(svc.url + path, { headers });
      return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
    },
    async outbox<P>(type: string, aggregateId?: string) {
      const { rows } = await owner.query<{ payload: OutboxEvent<P> }>(
        `select payload from outbox_events
          where event_type = $1 and ($2::text is null or aggregate_id = $2)
          order by id`,
        [type, aggregateId ?? null],
      );
      return rows.map((r) => r.payload);
    },
    async raw<R extends Record<string, unknown>>(text: string, values: unknown[] = []) {
      const { rows } = await owner.query<R>(text, values);
      return rows;
    },
    async close() {
      await svc.close();
      await owner.end();
      await db.drop();
      await rm(reportsDir, { recursive: true, force: true });
    },
  };
}

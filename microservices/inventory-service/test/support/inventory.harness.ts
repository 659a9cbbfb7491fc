import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '@haat/common';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@haat/database';
import { type RunningService, startService } from '@haat/service';
import { type RequestContext, signInternalRequest } from '@haat/tenant';
import { InventoryGrpcServer } from '../../src/infrastructure/grpc/inventory.grpc-server.js';
import { inventoryService } from '../../src/service.js';

export const SIGNING_SECRET = 'inventory-service-test-secret-0123456789';

/** Who calls: the signed identity the gateway (or another service) would send. */
export type Caller = Omit<RequestContext, 'requestId'>;

/** The platform operator acting on a tenant (and the marketplace's own warehouses). */
export const operator = (tenantId: string): Caller => ({
  tenantId,
  userId: 'operator-1',
  roles: ['operator'],
  permissions: [],
});
/** A vendor's owner: the built-in role grants the permissions, the scoped role names the vendor. */
export const vendorOwner = (tenantId: string, vendorId: string): Caller => ({
  tenantId,
  userId: `owner-of-${vendorId}`,
  roles: ['vendor_owner', `vendor_owner:${vendorId}`],
  permissions: [],
});
export const vendorStaff = (tenantId: string, vendorId: string): Caller => ({
  tenantId,
  userId: `staff-of-${vendorId}`,
  roles: ['vendor_staff', `vendor_staff:${vendorId}`],
  permissions: [],
});
export const tenantOwner = (tenantId: string): Caller => ({
  tenantId,
  userId: `owner-of-${tenantId}`,
  roles: ['tenant_owner'],
  permissions: [],
});
/** Another service (order, cart, the saga) calling for a tenant. */
export const platform = (tenantId: string): Caller => ({
  tenantId,
  userId: null,
  roles: ['system'],
  permissions: ['*'],
});
export const customer = (tenantId: string): Caller => ({
  tenantId,
  userId: 'customer-1',
  roles: ['customer'],
  permissions: [],
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

export interface CallOptions {
  as: Caller;
  body?: unknown;
  rawBody?: string;
  sign?: boolean;
  idempotencyKey?: string;
  /** Which running instance to call (several share one database). */
  instance?: number;
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
  db: ThrowawayDatabase;
  services: RunningService[];
  grpcPort(instance?: number): number;
  call<T = Record<string, unknown>>(method: string, path: string, options: CallOptions): Promise<Reply<T>>;
  /** A query as the service's own database role, without a tenant set. */
  query<R extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** Envelopes in the outbox of `type` (optionally about one aggregate), oldest first. */
  outbox<P = Record<string, unknown>>(type: string, aggregateId?: string): Promise<OutboxEvent<P>[]>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Where to create the throwaway database (the machine's PostgreSQL by default). */
  adminUrl?: string;
  instances?: number;
  env?: Record<string, string>;
  /** Per-instance overrides, by index. */
  instanceEnv?: Record<string, string>[];
}

/** A fresh database and inventory-service started by the kit (one or more instances), as in production. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const db = await createThrowawayDatabase('inventory-service', options.adminUrl);
  const reportsDir = await mkdtemp(join(tmpdir(), 'haat-inventory-reports-'));
  const services: RunningService[] = [];
  const close = async () => {
    for (const svc of services.reverse()) await svc.close();
    await db.drop();
    await rm(reportsDir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < (options.instances ?? 1); i++) {
      services.push(
        await startService(inventoryService, {
          env: {
            DATABASE_URL: db.appUrl,
            DATABASE_MIGRATION_URL: db.ownerUrl,
            INTERNAL_SIGNING_SECRET: SIGNING_SECRET,
            LOG_LEVEL: 'silent',
            HTTP_PORT: '0',
            GRPC_PORT: '0',
            REPORTS_DIR: reportsDir,
            RESERVATION_SWEEP_INTERVAL: '200ms',
            ...options.env,
            ...options.instanceEnv?.[i],
          },
        }),
      );
    }
  } catch (err) {
    await close();
    throw err;
  }

  const first = services[0] as RunningService;
  return {
    db,
    services,
    grpcPort: (instance = 0) =>
      (services[instance] as RunningService).app.get(InventoryGrpcServer, { strict: false }).port,
    async call<T>(method: string, path: string, o: CallOptions): Promise<Reply<T>> {
      const body = o.rawBody ?? (o.body === undefined ? undefined : JSON.stringify(o.body));
      const headers: Record<string, string> =
        body === undefined ? {} : { 'content-type': 'application/json' };
      if (o.idempotencyKey) headers['idempotency-key'] = o.idempotencyKey;
      if (o.sign !== false) {
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
      }
      const svc = services[o.instance ?? 0] as RunningService;
      const res = await fetch(svc.url + path, { method, body, headers });
      const text = await res.text();
      const json =
        res.headers.get('content-type')?.includes('json') && text
          ? (JSON.parse(text) as T)
          : (undefined as T);
      return { status: res.status, headers: res.headers, json, text };
    },
    async query<R extends Record<string, unknown>>(text: string, params: unknown[] = []) {
      return (await first.runtime.database.pool.query<R>(text, params)).rows;
    },
    async outbox<P>(type: string, aggregateId?: string) {
      const { rows } = await first.runtime.database.pool.query<{ payload: OutboxEvent<P> }>(
        `select payload from outbox_events
          where event_type = $1 and ($2::text is null or aggregate_id = $2)
          order by id`,
        [type, aggregateId ?? null],
      );
      return rows.map((r) => r.payload);
    },
    close,
  };
}

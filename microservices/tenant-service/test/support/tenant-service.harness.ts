import { newId } from '@haat/common';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@haat/database';
import { type RunningService, startService } from '@haat/service';
import { type RequestContext, signInternalRequest } from '@haat/tenant';
import { tenantService } from '../../src/service.js';
import { TenantDirectoryGrpcServer } from '../../src/infrastructure/grpc/tenant-directory.grpc-server.js';
import { LocalDnsServer } from './local-dns.server.js';

export const SIGNING_SECRET = 'tenant-service-test-secret-0123456789';

/** Who calls: the signed identity the gateway (or another service) would send. */
export type Caller = Omit<RequestContext, 'requestId'>;

export const operator: Caller = {
  tenantId: null,
  userId: 'operator-1',
  roles: ['operator'],
  permissions: [],
};
/** The gateway resolving a host: the platform itself, no tenant yet. */
export const gateway: Caller = { tenantId: null, userId: null, roles: ['system'], permissions: ['*'] };
export const owner = (tenantId: string): Caller => ({
  tenantId,
  userId: `owner-of-${tenantId}`,
  roles: ['tenant_owner'],
  permissions: [],
});
export const staff = (tenantId: string): Caller => ({
  tenantId,
  userId: `staff-of-${tenantId}`,
  roles: ['tenant_staff'],
  permissions: [],
});
/** Another service calling for a tenant (catalog asking for a limit). */
export const serviceFor = (tenantId: string): Caller => ({
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

export interface Harness {
  svc: RunningService;
  dns: LocalDnsServer;
  grpcPort: number;
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: { as?: Caller; body?: unknown; rawBody?: string; sign?: boolean },
  ): Promise<Reply<T>>;
  /** Envelopes in the outbox of `type` about `aggregateId`, oldest first. */
  outbox(
    type: string,
    aggregateId: string,
  ): Promise<{ type: string; tenantId: string | null; payload: Record<string, unknown> }[]>;
  close(): Promise<void>;
}

/** A fresh database, a local DNS server and tenant-service started by the kit, as in production. */
export async function startHarness(): Promise<Harness> {
  const db: ThrowawayDatabase = await createThrowawayDatabase('tenant-service');
  const dns = await new LocalDnsServer().start();
  let svc: RunningService;
  try {
    svc = await startService(tenantService, {
      env: {
        DATABASE_URL: db.appUrl,
        DATABASE_MIGRATION_URL: db.ownerUrl,
        INTERNAL_SIGNING_SECRET: SIGNING_SECRET,
        LOG_LEVEL: 'silent',
        GRPC_PORT: '0',
        DNS_SERVERS: dns.endpoint,
        DNS_TIMEOUT: '1s',
      },
    });
  } catch (err) {
    await dns.close();
    await db.drop();
    throw err;
  }
  const grpcPort = svc.app.get(TenantDirectoryGrpcServer, { strict: false }).port;

  return {
    svc,
    dns,
    grpcPort,
    async call<T>(
      method: string,
      path: string,
      options: { as?: Caller; body?: unknown; rawBody?: string; sign?: boolean } = {},
    ): Promise<Reply<T>> {
      const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
      const headers: Record<string, string> =
        body === undefined ? {} : { 'content-type': 'application/json' };
      if (options.sign !== false) {
        Object.assign(
          headers,
          signInternalRequest({
            method,
            path,
            body,
            secret: SIGNING_SECRET,
            context: { ...(options.as ?? operator), requestId: `req-${newId()}` },
          }),
        );
      }
      const res = await fetch(svc.url + path, { method, body, headers });
      const text = await res.text();
      return {
        status: res.status,
        headers: res.headers,
        json: (text ? JSON.parse(text) : undefined) as T,
        text,
      };
    },
    async outbox(type, aggregateId) {
      const { rows } = await svc.runtime.database.pool.query<{
        payload: { type: string; tenantId: string | null; payload: Record<string, unknown> };
      }>('select payload from outbox_events where event_type = $1 and aggregate_id = $2 order by id', [
        type,
        aggregateId,
      ]);
      return rows.map((r) => r.payload);
    },
    async close() {
      await svc.close();
      await dns.close();
      await db.drop();
    },
  };
}

/** A valid tenant body with a unique slug. */
export function newTenantBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'Dhaka Bazaar', slug: uniqueSlug(), ...overrides };
}

export function uniqueSlug(prefix = 'shop'): string {
  return `${prefix}-${newId().slice(-12)}`;
}

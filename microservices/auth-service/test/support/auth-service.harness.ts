import { ManualClock, newId } from '@haat/common';
import { type AccessTokenClaims, AccessTokenClaimsSchema } from '@haat/contracts';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@haat/database';
import { outboxEvents } from '@haat/messaging/tables';
import { type RunningService, startService } from '@haat/service';
import { type RequestContext, signInternalRequest } from '@haat/tenant';
import { and, asc, eq } from 'drizzle-orm';
import { decodeJwt } from 'jose';
import { createAuthService } from '../../src/service.js';

export const SIGNING_SECRET = 'auth-service-test-secret-0123456789';

/** Who calls: the signed identity the gateway would send. */
export type Caller = Omit<RequestContext, 'requestId'>;

/** An anonymous visitor on a tenant's host. */
export const visitor = (tenantId: string | null): Caller => ({
  tenantId,
  userId: null,
  roles: [],
  permissions: [],
});
/** The gateway itself (platform work such as introspection). */
export const gatewaySystem: Caller = { tenantId: null, userId: null, roles: ['system'], permissions: ['*'] };

/** What the gateway forwards for a request carrying this access token (after verifying it). */
export function callerOf(accessToken: string): Caller {
  const claims = claimsOf(accessToken);
  return {
    tenantId: claims.tenant,
    userId: claims.sub,
    roles: claims.roles,
    permissions: claims.permissions,
  };
}

export function claimsOf(accessToken: string): AccessTokenClaims {
  return AccessTokenClaimsSchema.parse(decodeJwt(accessToken));
}

export interface Reply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  json: T;
  text: string;
}

export interface ErrorJson {
  error: { code: string; message: string; details: Record<string, unknown> };
}

export interface CallOptions {
  as?: Caller;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Harness {
  svc: RunningService;
  clock: ManualClock;
  call<T = Record<string, unknown>>(method: string, path: string, options?: CallOptions): Promise<Reply<T>>;
  /** Payloads of outbox events of `type`, oldest first (optionally about one aggregate). */
  events<P = Record<string, unknown>>(
    type: string,
    aggregateId?: string,
  ): Promise<{ tenantId: string | null; payload: P }[]>;
  close(): Promise<void>;
}

/** A fresh database and auth-service started by the kit with a manual clock. */
export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const db: ThrowawayDatabase = await createThrowawayDatabase('auth-service');
  const clock = new ManualClock(Date.now());
  let svc: RunningService;
  try {
    svc = await startService(createAuthService({ clock }), {
      env: {
        DATABASE_URL: db.appUrl,
        DATABASE_MIGRATION_URL: db.ownerUrl,
        INTERNAL_SIGNING_SECRET: SIGNING_SECRET,
        LOG_LEVEL: 'silent',
        HTTP_PORT: '0',
        ...env,
      },
    });
  } catch (err) {
    await db.drop();
    throw err;
  }
  return {
    svc,
    clock,
    async call<T>(method: string, path: string, options: CallOptions = {}): Promise<Reply<T>> {
      const body = options.body === undefined ? undefined : JSON.stringify(options.body);
      const headers: Record<string, string> =
        body === undefined ? {} : { 'content-type': 'application/json' };
      Object.assign(
        headers,
        signInternalRequest({
          method,
          path,
          body,
          secret: SIGNING_SECRET,
          context: { ...(options.as ?? visitor(null)), requestId: `req-${newId()}` },
        }),
        options.headers,
      );
      const res = await fetch(svc.url + path, { method, body, headers });
      const text = await res.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { status: res.status, headers: res.headers, json: json as T, text };
    },
    async events<P>(type: string, aggregateId?: string) {
      const rows = await svc.runtime.database.db
        .select({ tenantId: outboxEvents.tenantId, payload: outboxEvents.payload })
        .from(outboxEvents)
        .where(
          and(
            eq(outboxEvents.eventType, type),
            aggregateId ? eq(outboxEvents.aggregateId, aggregateId) : undefined,
          ),
        )
        .orderBy(asc(outboxEvents.id));
      return rows.map((r) => ({ tenantId: r.tenantId, payload: (r.payload as { payload: P }).payload }));
    },
    async close() {
      await svc.close();
      await db.drop();
    },
  };
}

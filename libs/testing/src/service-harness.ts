import { randomBytes } from 'node:crypto';
import { newId } from '@haat/common';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@haat/database';
import { type EventTransport, NatsJetStreamTransport } from '@haat/messaging';
import { type RunningService, type ServiceDefinition, startService } from '@haat/service';
import { type RequestContext, signInternalRequest } from '@haat/tenant';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';

/** Who a test request claims to be (the gateway would have signed this). */
export type Caller = Omit<RequestContext, 'requestId'>;

export const anonymousCaller = (tenantId: string | null): Caller => ({
  tenantId,
  userId: null,
  roles: [],
  permissions: [],
});
export const operatorCaller: Caller = {
  tenantId: null,
  userId: 'operator',
  roles: ['operator'],
  permissions: ['*'],
};

export interface Reply<T> {
  status: number;
  headers: Headers;
  json: T;
  text: string;
}

export interface TestService {
  service: RunningService;
  database: ThrowawayDatabase;
  secret: string;
  /** A request signed as the gateway would sign it for `as`. */
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: { as?: Caller; body?: unknown; headers?: Record<string, string> },
  ): Promise<Reply<T>>;
  /** Envelopes in the service's outbox, oldest first, optionally of one type. */
  outbox(
    type?: string,
  ): Promise<
    { type: string; tenantId: string | null; aggregateId: string; payload: Record<string, unknown> }[]
  >;
  close(): Promise<void>;
}

export interface TestServiceOptions {
  /** `in-process` (default) or `nats` (a unique subject prefix on `HAAT_TEST_NATS_URL` or the local server). */
  transport?: 'in-process' | 'nats';
  env?: Record<string, string | undefined>;
  /** The caller used when a call names none. */
  defaultCaller?: Caller;
}

/**
 * Boots one service as production does (`startService`) against a fresh throwaway database and
 * the chosen transport, with helpers to call it with signed requests and read its outbox.
 */
export async function startTestService<S extends z.ZodObject>(
  definition: ServiceDefinition<S>,
  options: TestServiceOptions = {},
): Promise<TestService> {
  const secret = `test-secret-${randomBytes(12).toString('hex')}`;
  const database = await createThrowawayDatabase(definition.name);
  let transport: EventTransport | undefined;
  let service: RunningService;
  try {
    if (options.transport === 'nats') {
      transport = await NatsJetStreamTransport.connect({
        servers: process.env.HAAT_TEST_NATS_URL ?? 'nats://127.0.0.1:4222',
        prefix: `t${randomBytes(5).toString('hex')}`,
        connectionName: `${definition.name}-test`,
      });
    }
    service = await startService(definition, {
      transport,
      env: {
        DATABASE_URL: database.appUrl,
        DATABASE_MIGRATION_URL: database.ownerUrl,
        INTERNAL_SIGNING_SECRET: secret,
        LOG_LEVEL: process.env.HAAT_TEST_LOG_LEVEL ?? 'silent',
        HTTP_PORT: '0',
        GRPC_PORT: '0',
        ...options.env,
      },
    });
  } catch (err) {
    await transport?.close();
    await database.drop();
    throw err;
  }
  const fallback = options.defaultCaller ?? operatorCaller;
  return {
    service,
    database,
    secret,
    async call<T>(
      method: string,
      path: string,
      opts: { as?: Caller; body?: unknown; headers?: Record<string, string> } = {},
    ) {
      const body =
        opts.body === undefined
          ? undefined
          : typeof opts.body === 'string'
            ? opts.body
            : JSON.stringify(opts.body);
      const signed = signInternalRequest({
        method,
        path,
        body,
        secret,
        context: { ...(opts.as ?? fallback), requestId: `test-${newId()}` },
      });
      const res = await fetch(service.url + path, {
        method,
        body,
        headers: {
          ...signed,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...opts.headers,
        },
      });
      const text = await res.text();
      const json = (
        res.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : undefined
      ) as T;
      return { status: res.status, headers: res.headers, json, text };
    },
    async outbox(type) {
      const r = await service.runtime.database.db.execute<{
        payload: {
          type: string;
          tenantId: string | null;
          aggregateId: string;
          payload: Record<string, unknown>;
        };
      }>(
        type
          ? sql`select payload from outbox_events where event_type = ${type} order by created_at, id`
          : sql`select payload from outbox_events order by created_at, id`,
      );
      return r.rows.map((row) => row.payload);
    },
    async close() {
      await service.close();
      await transport?.close();
      await database.drop();
    },
  };
}

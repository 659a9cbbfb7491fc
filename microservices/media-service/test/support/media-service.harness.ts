import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { newId } from '@haat/common';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@haat/database';
import { type RunningService, startService } from '@haat/service';
import { type RequestContext, signInternalRequest } from '@haat/tenant';
import { mediaService } from '../../src/service.js';

export const SIGNING_SECRET = 'media-service-test-secret-0123456789';

export type Caller = Omit<RequestContext, 'requestId'>;

export const staff = (tenantId: string): Caller => ({
  tenantId,
  userId: `staff-${tenantId.slice(-6)}`,
  roles: ['tenant_staff'],
  permissions: [],
});
/** Another service storing a generated file for a tenant. */
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
  body: Buffer;
  text: string;
}

export interface Harness {
  svc: RunningService;
  dir: string;
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { as: Caller; body?: Buffer | string; json?: unknown; contentType?: string },
  ): Promise<Reply<T>>;
  /** An unsigned request (public files, signed URLs). */
  raw<T = Record<string, unknown>>(
    method: string,
    path: string,
    init?: { body?: Buffer; headers?: Record<string, string> },
  ): Promise<Reply<T>>;
  outbox(type: string, aggregateId: string): Promise<{ payload: Record<string, unknown> }[]>;
  close(): Promise<void>;
}

async function reply<T>(res: Response): Promise<Reply<T>> {
  const body = Buffer.from(await res.arrayBuffer());
  const text = body.toString('utf8');
  const isJson = res.headers.get('content-type')?.includes('json') && text;
  return {
    status: res.status,
    headers: res.headers,
    body,
    text,
    json: (isJson ? JSON.parse(text) : undefined) as T,
  };
}

/** A multipart body with one `file` part and text fields. */
export function multipart(
  file: { bytes: Buffer; name: string; type: string },
  fields: Record<string, string> = {},
) {
  const boundary = `----haat${newId().replace(/-/g, '')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A fresh database and media-service started by the kit, with its files in a temporary folder. */
export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const db: ThrowawayDatabase = await createThrowawayDatabase('media-service');
  const dir = await mkdtemp(join(tmpdir(), 'haat-media-test-'));
  let svc: RunningService;
  try {
    svc = await startService(mediaService, {
      env: {
        DATABASE_URL: db.appUrl,
        DATABASE_MIGRATION_URL: db.ownerUrl,
        INTERNAL_SIGNING_SECRET: SIGNING_SECRET,
        LOG_LEVEL: 'silent',
        HTTP_PORT: '0',
        MEDIA_LOCAL_DIR: join(dir, 'store'),
        MEDIA_WORK_DIR: join(dir, 'work'),
        MEDIA_PUBLIC_BASE_URL: '/v1/media/files',
        MEDIA_IMAGE_WIDTHS: '320,640',
        ...env,
      },
    });
  } catch (err) {
    await db.drop();
    throw err;
  }
  return {
    svc,
    dir,
    async call<T>(
      method: string,
      path: string,
      o: { as: Caller; body?: Buffer | string; json?: unknown; contentType?: string },
    ) {
      const body = o.json !== undefined ? JSON.stringify(o.json) : o.body;
      const headers: Record<string, string> = {
        ...(o.json !== undefined
          ? { 'content-type': 'application/json' }
          : o.contentType
            ? { 'content-type': o.contentType }
            : {}),
        ...signInternalRequest({
          method,
          path,
          body,
          secret: SIGNING_SECRET,
          context: { ...o.as, requestId: `req-${newId()}` },
        }),
      };
      return reply<T>(await fetch(svc.url + path, { method, body, headers }));
    },
    async raw<T>(
      method: string,
      path: string,
      init: { body?: Buffer; headers?: Record<string, string> } = {},
    ) {
      // Signed URLs are handed out as the gateway's public paths (`/api/v1/…`); this calls the service itself.
      const target = path.replace(/^\/api\//, '/');
      return reply<T>(await fetch(svc.url + target, { method, body: init.body, headers: init.headers }));
    },
    async outbox(type, aggregateId) {
      const { rows } = await svc.runtime.database.pool.query<{
        payload: { payload: Record<string, unknown> };
      }>('select payload from outbox_events where event_type = $1 and aggregate_id = $2 order by id', [
        type,
        aggregateId,
      ]);
      return rows.map((r) => r.payload);
    },
    async close() {
      await svc.close();
      await db.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function eventually<T>(
  read: () => Promise<T>,
  done: (v: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await sleep(150);
    value = await read();
  }
  return value;
}

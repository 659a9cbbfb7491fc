import { setTimeout as sleep } from 'node:timers/promises';
import { newId } from '@haat/common';
import { eq } from 'drizzle-orm';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@haat/database';
import { signInternalRequest } from '@haat/tenant';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from '../src/start-service.js';
import { widgetService } from './fixtures/widget-service.js';
import { widgetLog } from './fixtures/widgets.schema.js';

const secret = 'kit-test-secret-0123456789';
const tenantA = newId();
const tenantB = newId();
let db: ThrowawayDatabase;
let svc: RunningService;

async function call(
  method: string,
  path: string,
  opts: { tenantId?: string | null; body?: string; sign?: boolean; headers?: Record<string, string> } = {},
) {
  const body = opts.body;
  const signed =
    opts.sign === false
      ? {}
      : signInternalRequest({
          method,
          path,
          body,
          secret,
          context: {
            tenantId: opts.tenantId === undefined ? tenantA : opts.tenantId,
            userId: 'u1',
            roles: [],
            permissions: [],
            requestId: `req-${newId()}`,
          },
        });
  const res = await fetch(svc.url + path, {
    method,
    body,
    headers: { ...signed, ...(body ? { 'content-type': 'application/json' } : {}), ...opts.headers },
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    json:
      res.headers.get('content-type')?.includes('json') && text
        ? (JSON.parse(text) as Record<string, unknown>)
        : undefined,
    text,
  };
}

beforeAll(async () => {
  db = await createThrowawayDatabase('widget-service');
  svc = await startService(widgetService, {
    env: {
      DATABASE_URL: db.appUrl,
      DATABASE_MIGRATION_URL: db.ownerUrl,
      INTERNAL_SIGNING_SECRET: secret,
      LOG_LEVEL: 'silent',
    },
    bodyLimit: 10_000,
  });
});
afterAll(async () => {
  await svc?.close();
  await db?.drop();
});

describe('a service started by the kit', () => {
  it('serves a signed request and keeps tenants apart', async () => {
    const created = await call('POST', '/v1/widgets', { body: JSON.stringify({ name: 'sprocket' }) });
    expect(created.status).toBe(201);
    const id = (created.json as { id: string }).id;
    expect((await call('GET', `/v1/widgets/${id}`)).json).toEqual({ id, name: 'sprocket' });
    const other = await call('GET', `/v1/widgets/${id}`, { tenantId: tenantB });
    expect(other.status).toBe(404);
    expect((other.json as { error: { code: string } }).error.code).toBe('WIDGET_NOT_FOUND');
  });

  it('delivers the events its handlers write to the outbox to its consumers, once', async () => {
    const created = await call('POST', '/v1/widgets', { body: JSON.stringify({ name: 'gear' }) });
    expect(created.status, created.text).toBe(201);
    const id = (created.json as { id: string }).id;
    let rows: unknown[] = [];
    for (let i = 0; i < 50 && rows.length === 0; i++) {
      rows = await svc.runtime.database.withTenant(tenantA, (tx) =>
        tx.select().from(widgetLog).where(eq(widgetLog.widgetId, id)),
      );
      if (rows.length === 0) await sleep(100);
    }
    expect(rows).toHaveLength(1);
    const metrics = await call('GET', '/metrics', { sign: false });
    expect(metrics.text).toMatch(/events_published_total\{[^}]*type="widget.created.v1"[^}]*\} [1-9]/);
  });

  it('refuses an unsigned request with 401', async () => {
    const r = await call('GET', `/v1/widgets/${newId()}`, {
      sign: false,
      headers: { 'x-haat-tenant-id': tenantA },
    });
    expect(r.status).toBe(401);
    expect(r.json).toMatchObject({ error: { code: 'INTERNAL_SIGNATURE_MISSING' } });
  });

  it('refuses a tenantless call to a tenant route with 403', async () => {
    const r = await call('GET', `/v1/widgets/${newId()}`, { tenantId: null });
    expect(r.status).toBe(403);
    expect(r.json).toMatchObject({ error: { code: 'TENANT_REQUIRED' } });
  });

  it('names the bad field of an invalid body', async () => {
    const r = await call('POST', '/v1/widgets', { body: JSON.stringify({ name: '' }) });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { fields: [{ field: 'name' }] } },
    });
  });

  it('answers malformed JSON with 400 and an oversized body with 413, never 500', async () => {
    const bad = await call('POST', '/v1/widgets', { body: '{"name": ' });
    expect(bad.status).toBe(400);
    expect(bad.json, JSON.stringify(bad.json)).toMatchObject({ error: { code: 'MALFORMED_JSON' } });
    const big = await call('POST', '/v1/widgets', { body: JSON.stringify({ name: 'x'.repeat(20_000) }) });
    expect(big.status).toBe(413);
    expect(big.json).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND', async () => {
    const r = await call('GET', '/v1/nothing-here');
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
  });

  it('serves health, metrics and its OpenAPI document without a signature', async () => {
    expect((await call('GET', '/health/ready', { sign: false })).json).toMatchObject({
      status: 'ok',
      checks: { database: { status: 'ok' } },
    });
    expect((await call('GET', '/metrics', { sign: false })).text).toContain('http_server_requests_total');
    const doc = await call('GET', '/openapi.json', { sign: false });
    expect(doc.json).toMatchObject({ openapi: '3.1.0', paths: { '/v1/widgets': { post: {} } } });
  });
});

import type { ResolvedTenant } from '@haat/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTenantGrpcServer } from './support/fake-tenant-grpc.server.js';
import { FakeUpstream } from './support/fake-upstream.server.js';
import {
  OPERATOR_TOKEN,
  SECRET,
  type StartedGateway,
  call,
  errorOf,
  startGateway,
} from './support/gateway.harness.js';
import { tenantFixture } from './support/tenants.fixture.js';

const demo = tenantFixture('demo', { features: { reviews: true } });
const tenants = new Map<string, ResolvedTenant>([['demo.localhost', demo]]);
let grpc: FakeTenantGrpcServer;
let tenantService: FakeUpstream;
let gw: StartedGateway;
const RESOLVE = '/api/v1/rpc/haat.tenant.v1.TenantDirectory/ResolveHost';
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  grpc = await FakeTenantGrpcServer.start(SECRET, tenants);
  tenantService = await FakeUpstream.start({ name: 'tenant-service', secret: SECRET, tenants });
  gw = await startGateway({
    TENANT_SERVICE_URL: tenantService.url,
    TENANT_SERVICE_GRPC: grpc.address,
    RATE_LIMIT_IP_PER_MINUTE: '100',
  });
});
afterAll(async () => {
  await gw?.close();
  await grpc?.stop();
  await tenantService?.stop();
});

describe('gRPC ↔ HTTP bridge', () => {
  it('calls a public gRPC method with a JSON body and answers the response as JSON', async () => {
    const res = await call(gw.url, RESOLVE, {
      method: 'POST',
      headers: json,
      body: '{"host":"demo.localhost"}',
    });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({
      tenantId: demo.tenantId,
      slug: 'demo',
      planCode: 'starter',
      limits: { products: '100', vendors: '-1' },
      tenantRequestsPerMinute: 10_000,
      domains: ['demo.localhost'],
      features: { reviews: true },
    });
    expect(res.headers.ratelimit).toMatch(/^"ip";r=\d+/);
  });

  it('sends the same signed identity as HTTP, verifiable by the gRPC server', async () => {
    await call(gw.url, RESOLVE, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${OPERATOR_TOKEN}`, 'x-haat-tenant-id': demo.tenantId },
      body: '{"host":"demo.localhost","ignored":1}',
    });
    expect(grpc.calls.at(-1)?.context).toMatchObject({
      tenantId: null,
      userId: 'operator',
      roles: ['operator'],
    });
  });

  it('maps NOT_FOUND to 404 with the server’s own error code', async () => {
    const res = await call(gw.url, RESOLVE, {
      method: 'POST',
      headers: json,
      body: '{"host":"nobody.localhost"}',
    });
    expect(res.status).toBe(404);
    expect(errorOf(res)).toMatchObject({
      code: 'TENANT_NOT_FOUND',
      message: 'No tenant at nobody.localhost',
    });
  });

  it('answers 404 RPC_METHOD_NOT_FOUND for a method that is not public, without calling it', async () => {
    const before = grpc.calls.length;
    for (const method of ['haat.tenant.v1.TenantDirectory/CheckLimit', 'haat.nope.v1.X/Y']) {
      const res = await call(gw.url, `/api/v1/rpc/${method}`, { method: 'POST', headers: json, body: '{}' });
      expect([res.status, errorOf(res).code], method).toEqual([404, 'RPC_METHOD_NOT_FOUND']);
    }
    expect(grpc.calls.length).toBe(before);
  });

  it('answers 400 for a body that is not a JSON object', async () => {
    const malformed = await call(gw.url, RESOLVE, { method: 'POST', headers: json, body: '{"host":' });
    expect([malformed.status, errorOf(malformed).code]).toEqual([400, 'MALFORMED_JSON']);
    const array = await call(gw.url, RESOLVE, { method: 'POST', headers: json, body: '["demo.localhost"]' });
    expect([array.status, errorOf(array).code]).toEqual([400, 'RPC_INVALID_REQUEST']);
  });

  it('serves platform methods on the platform host only', async () => {
    const res = await call(gw.url, RESOLVE, {
      host: 'demo.localhost',
      method: 'POST',
      headers: json,
      body: '{"host":"demo.localhost"}',
    });
    expect([res.status, errorOf(res).code]).toEqual([404, 'ROUTE_NOT_FOUND']);
  });
});

describe('a dead gRPC upstream', () => {
  it('opens the bridge’s breaker: 503 UPSTREAM_UNAVAILABLE with Retry-After', async () => {
    const dead = await startGateway({
      TENANT_SERVICE_URL: tenantService.url,
      TENANT_SERVICE_GRPC: '127.0.0.1:1',
      BREAKER_FAILURES: '2',
      BREAKER_HALF_OPEN_AFTER: '30s',
    });
    try {
      const codes = [];
      for (let i = 0; i < 3; i += 1) {
        const res = await call(dead.url, RESOLVE, {
          method: 'POST',
          headers: json,
          body: '{"host":"demo.localhost"}',
        });
        codes.push([res.status, errorOf(res).code]);
        if (i === 2) expect(Number(res.headers['retry-after'])).toBeGreaterThan(1);
      }
      expect(codes).toEqual([
        [503, 'UPSTREAM_UNREACHABLE'],
        [503, 'UPSTREAM_UNREACHABLE'],
        [503, 'UPSTREAM_UNAVAILABLE'],
      ]);
    } finally {
      await dead.close();
    }
  });
});

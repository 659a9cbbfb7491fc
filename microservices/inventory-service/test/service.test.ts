import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErrorJson, type Harness, platform, startHarness } from './support/inventory.harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('inventory-service', () => {
  it('serves health, metrics and an OpenAPI document naming every route', async () => {
    const ready = await h.call('GET', '/health/ready', { as: platform(newId()), sign: false });
    expect(ready.json).toMatchObject({ status: 'ok', checks: { database: { status: 'ok' } } });
    expect((await h.call('GET', '/metrics', { as: platform(newId()), sign: false })).text).toContain(
      'http_server_requests_total',
    );
    const doc = await h.call<{ paths: Record<string, unknown> }>('GET', '/openapi.json', {
      as: platform(newId()),
      sign: false,
    });
    expect(Object.keys(doc.json.paths).sort()).toEqual([
      '/v1/reservations',
      '/v1/reservations/{orderId}',
      '/v1/reservations/{orderId}/commit',
      '/v1/reservations/{orderId}/release',
      '/v1/skus',
      '/v1/skus/{sku}',
      '/v1/skus/{sku}/low-stock-threshold',
      '/v1/skus/{sku}/movements',
      '/v1/stock',
      '/v1/stock/adjustments',
      '/v1/stock/check',
      '/v1/stock/receipts',
      '/v1/stock/reports',
      '/v1/stock/reports/{id}',
      '/v1/stock/reports/{id}/file',
      '/v1/stock/returns',
      '/v1/stock/transfers',
      '/v1/warehouses',
      '/v1/warehouses/{id}',
    ]);
  });

  it('refuses unsigned and tenantless calls', async () => {
    const unsigned = await h.call<ErrorJson>('GET', '/v1/warehouses', { as: platform(newId()), sign: false });
    expect(unsigned.status).toBe(401);
    expect(unsigned.json.error.code).toBe('INTERNAL_SIGNATURE_MISSING');
    const tenantless = await h.call<ErrorJson>('GET', '/v1/warehouses', {
      as: { ...platform(newId()), tenantId: null },
    });
    expect(tenantless.status).toBe(403);
    expect(tenantless.json.error.code).toBe('TENANT_REQUIRED');
  });

  it('answers malformed JSON with 400, never 500', async () => {
    const res = await h.call<ErrorJson>('POST', '/v1/reservations', {
      as: platform(newId()),
      rawBody: '{"orderId": ',
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('MALFORMED_JSON');
  });
});

import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_VENDORS, seedDemoVendors } from '../src/index.js';
import { type Harness, platform, startHarness, tenantOwner } from './support/vendor.harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('vendor-service', () => {
  it('serves health, metrics and an OpenAPI document naming every route', async () => {
    const ready = await fetch(`${h.svc.url}/health/ready`);
    expect(await ready.json()).toMatchObject({ status: 'ok', checks: { database: { status: 'ok' } } });
    expect(await (await fetch(`${h.svc.url}/metrics`)).text()).toContain('http_server_requests_total');
    const doc = (await (await fetch(`${h.svc.url}/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/v1/commissions/resolve',
      '/v1/commissions/rules',
      '/v1/commissions/rules/{id}',
      '/v1/stores/{slug}',
      '/v1/vendors',
      '/v1/vendors/blocklist',
      '/v1/vendors/blocklist/{id}',
      '/v1/vendors/reports',
      '/v1/vendors/reports/{id}',
      '/v1/vendors/reports/{id}/file',
      '/v1/vendors/{id}',
      '/v1/vendors/{id}/approve',
      '/v1/vendors/{id}/audit',
      '/v1/vendors/{id}/compliance',
      '/v1/vendors/{id}/metrics',
      '/v1/vendors/{id}/payout-account',
      '/v1/vendors/{id}/payout-account/verify',
      '/v1/vendors/{id}/reinstate',
      '/v1/vendors/{id}/reject',
      '/v1/vendors/{id}/store',
      '/v1/vendors/{id}/submissions',
      '/v1/vendors/{id}/suspend',
      '/v1/vendors/{id}/tier',
    ]);
  });

  it('refuses unsigned requests', async () => {
    const res = await fetch(`${h.svc.url}/v1/vendors`);
    expect(res.status).toBe(401);
  });

  it('seeds the demo marketplace once, however often it runs: two approved vendors and a default rule', async () => {
    const tenant = newId();
    const [a, b] = await Promise.all([
      seedDemoVendors(h.svc.app, { tenantId: tenant }),
      seedDemoVendors(h.svc.app, { tenantId: tenant }),
    ]);
    expect(a.vendorIds).toEqual(DEMO_VENDORS.map((v) => v.id));
    expect(b.vendorIds).toEqual(a.vendorIds);
    const list = await h.call<{ items: { id: string; status: string; canSell: boolean }[] }>(
      'GET',
      '/v1/vendors',
      {
        as: tenantOwner(tenant),
      },
    );
    expect(list.json.items.map((v) => [v.id, v.status, v.canSell]).sort()).toEqual(
      DEMO_VENDORS.map((v) => [v.id, 'approved', true]).sort(),
    );
    for (const v of DEMO_VENDORS) expect(await h.outbox('vendor.approved.v1', v.id)).toHaveLength(1);
    const resolved = await h.call<{ lines: { commission: { amountMinor: string } }[] }>(
      'POST',
      '/v1/commissions/resolve',
      {
        as: platform(tenant),
        body: {
          lines: [{ vendorId: DEMO_VENDORS[0]?.id, amount: { amountMinor: '50000', currency: 'BDT' } }],
        },
      },
    );
    expect(resolved.json.lines[0]?.commission.amountMinor).toBe('5000');
    const rules = await h.call<{ items: unknown[] }>('GET', '/v1/commissions/rules?level=default', {
      as: tenantOwner(tenant),
    });
    expect(rules.json.items).toHaveLength(1);
  });
});

import { newId } from '@haat/common';
import { signInternalRequest } from '@haat/tenant';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWarehouse, eventually, receive, uniqueSku } from './support/inventory.fixtures.js';
import {
  type Caller,
  type ErrorJson,
  type Harness,
  platform,
  SIGNING_SECRET,
  startHarness,
  tenantOwner,
  vendorOwner,
  vendorStaff,
} from './support/inventory.harness.js';
import { pdfText } from './support/pdf-text.js';

let h: Harness;
const tenant = newId();
const vendorA = newId();
const vendorB = newId();
const today = new Date().toISOString().slice(0, 10);
const skuA = uniqueSku('VALUED');
const skuB = uniqueSku('OTHER');

beforeAll(async () => {
  h = await startHarness();
  const a = await createWarehouse(h, vendorOwner(tenant, vendorA), { code: 'REPORT-WH-A' });
  const b = await createWarehouse(h, vendorOwner(tenant, vendorB), { code: 'REPORT-WH-B' });
  await receive(h, vendorOwner(tenant, vendorA), a.id, [
    { sku: skuA, quantity: 12, unitCost: { amountMinor: '25050', currency: 'BDT' } },
  ]);
  await receive(h, vendorOwner(tenant, vendorB), b.id, [{ sku: skuB, quantity: 3 }]);
  await h.call('PUT', `/v1/skus/${skuB}/low-stock-threshold`, {
    as: vendorOwner(tenant, vendorB),
    body: { threshold: 5 },
  });
  await h.call('POST', '/v1/reservations', {
    as: platform(tenant),
    body: { orderId: newId(), lines: [{ sku: skuA, quantity: 2 }] },
  });
});
afterAll(async () => {
  await h?.close();
});

interface ReportJson {
  id: string;
  status: string;
  error: string | null;
  file: { url: string; bytes: number } | null;
}

async function requestReport(as: Caller, params: Record<string, unknown>) {
  return h.call<{ id: string; location: string } & ErrorJson>('POST', '/v1/stock/reports', {
    as,
    body: { kind: 'inventory.stock', params },
  });
}

async function download(as: Caller, url: string): Promise<Uint8Array> {
  const headers = signInternalRequest({
    method: 'GET',
    path: url,
    secret: SIGNING_SECRET,
    context: { ...as, requestId: `req-${newId()}` },
  });
  const res = await fetch((h.services[0]?.url ?? '') + url, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  return new Uint8Array(await res.arrayBuffer());
}

async function ready(as: Caller, id: string): Promise<ReportJson> {
  return eventually(
    async () => (await h.call<ReportJson>('GET', `/v1/stock/reports/${id}`, { as })).json,
    (r) => r.status === 'ready' || r.status === 'failed',
    30_000,
  );
}

describe('the PDF stock report', () => {
  it('renders valuation, low stock and the period’s movements off the request thread', async () => {
    const owner = tenantOwner(tenant);
    const accepted = await requestReport(owner, { from: today, to: today });
    expect(accepted.status, accepted.text).toBe(202);
    expect(accepted.headers.get('location')).toBe(`/v1/stock/reports/${accepted.json.id}`);

    const report = await ready(owner, accepted.json.id);
    expect(report).toMatchObject({ status: 'ready', error: null });
    const text = await pdfText(await download(owner, report.file?.url ?? ''));
    expect(text).toContain(`Stock report ${today} to ${today}`);
    expect(text).toContain('Valuation');
    expect(text).toMatch(new RegExp(`${skuA}\\s+12\\s+2\\s+10\\s+250.50 BDT\\s+3006.00 BDT`));
    expect(text).toMatch(/Stock value \(BDT\):?\s+3006.00/);
    expect(text).toContain('Low stock');
    expect(text).toMatch(new RegExp(`${skuB}\\s+3\\s+5`));
    expect(text).toContain('REPORT-WH-A');
    expect(text).toMatch(/receipt\s+\+12/);
    expect(text).toMatch(/reservation\s+0\s+\+2/);
    expect(await h.outbox('report.ready.v1', accepted.json.id)).toHaveLength(1);
  });

  it('gives a vendor’s people their own vendor’s report only', async () => {
    const accepted = await requestReport(vendorOwner(tenant, vendorA), { from: today, to: today });
    expect(accepted.status, accepted.text).toBe(202);
    const report = await ready(vendorOwner(tenant, vendorA), accepted.json.id);
    const text = await pdfText(await download(vendorOwner(tenant, vendorA), report.file?.url ?? ''));
    expect(text).toContain(skuA);
    expect(text).not.toContain(skuB);
    expect(text).not.toContain('REPORT-WH-B');

    const asB = await h.call<ErrorJson>('GET', `/v1/stock/reports/${accepted.json.id}`, {
      as: vendorOwner(tenant, vendorB),
    });
    expect(asB.status).toBe(404);
    const forB = await requestReport(vendorOwner(tenant, vendorA), {
      from: today,
      to: today,
      vendorId: vendorB,
    });
    expect(forB.status).toBe(403);
    const staff = await requestReport(vendorStaff(tenant, vendorA), { from: today, to: today });
    expect(staff.status).toBe(403);
    expect(staff.json.error.code).toBe('PERMISSION_DENIED');
  });

  it('refuses bad parameters with 400 naming them', async () => {
    const owner = tenantOwner(tenant);
    const backwards = await requestReport(owner, { from: '2026-02-01', to: '2026-01-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.json.error).toMatchObject({ code: 'REPORT_PARAMS_INVALID' });
    expect(backwards.json.error.details.fields?.[0]?.field).toBe('params.to');
    const unknown = await h.call<ErrorJson>('POST', '/v1/stock/reports', {
      as: owner,
      body: { kind: 'inventory.nothing', params: {} },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.code).toBe('REPORT_KIND_UNKNOWN');
  });
});

import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedVendor } from './support/vendor.fixtures.js';
import {
  applicant,
  type ErrorJson,
  type Harness,
  startHarness,
  tenantOwner,
  vendorOwner,
  vendorStaff,
} from './support/vendor.harness.js';

const run = promisify(execFile);
let h: Harness;
const tenant = newId();
let vendorId: string;
let otherVendor: string;

beforeAll(async () => {
  h = await startHarness();
  vendorId = await approvedVendor(h, tenant, applicant(tenant), `report-${newId().slice(-6)}`);
  otherVendor = await approvedVendor(h, tenant, applicant(tenant));
  await h.call('POST', '/v1/commissions/rules', {
    as: tenantOwner(tenant),
    body: {
      level: 'vendor',
      vendorId,
      percentBps: 750,
      fixedMinor: '2000',
      effectiveFrom: '2026-01-01T00:00:00Z',
    },
  });
});
afterAll(async () => {
  await h?.close();
});

async function waitReady(
  id: string,
  as = vendorOwner(tenant, vendorId),
): Promise<{ status: string; file: { url: string } | null }> {
  for (let i = 0; i < 150; i++) {
    const res = await h.call<{ status: string; file: { url: string } | null; error: string | null }>(
      'GET',
      `/v1/vendors/reports/${id}`,
      { as },
    );
    if (res.json.status === 'ready' || res.json.status === 'failed') return res.json;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the report never finished');
}

describe('PDF vendor report', () => {
  it('renders profile, compliance, commission rules and performance, readable by pdftotext', async () => {
    // The vendor's own people may leave out the vendor: it is theirs.
    const accepted = await h.call<{ id: string; location: string }>('POST', '/v1/vendors/reports', {
      as: vendorOwner(tenant, vendorId),
      body: { kind: 'vendor.profile', params: { from: '2026-03-01', to: '2026-03-31' } },
    });
    expect(accepted.status, accepted.text).toBe(202);
    expect(accepted.headers.get('location')).toBe(`/v1/vendors/reports/${accepted.json.id}`);
    const done = await waitReady(accepted.json.id);
    expect(done.status).toBe('ready');
    expect(done.file?.url).toBe(`/v1/vendors/reports/${accepted.json.id}/file`);

    const file = await fetchPdf(accepted.json.id);
    const dir = await mkdtemp(join(tmpdir(), 'vendor-report-'));
    try {
      const path = join(dir, 'report.pdf');
      await writeFile(path, file);
      const { stdout } = await run('pdftotext', ['-layout', path, '-']);
      for (const text of [
        'Vendor report 2026-03-01 to 2026-03-31',
        'Rahim’s Handicrafts',
        'Rahim Traders',
        'approved',
        'NID_FORMAT',
        'TRADE_LICENCE',
        'The trade licence is valid until 2026-06-30',
        'Commission rules',
        '7.50%',
        'BDT 20.00',
        'Performance 2026-03-01 to 2026-03-31',
        'Performance tier',
      ]) {
        expect(stdout, text).toContain(text);
      }
      expect(stdout).not.toContain('123456789012');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(await h.outbox('report.ready.v1', accepted.json.id)).toHaveLength(1);
  });

  it('keeps a vendor’s report from another vendor’s people', async () => {
    const denied = await h.call<ErrorJson>('POST', '/v1/vendors/reports', {
      as: vendorOwner(tenant, otherVendor),
      body: { kind: 'vendor.profile', params: { vendorId, from: '2026-03-01', to: '2026-03-31' } },
    });
    expect(denied.status).toBe(403);
    const mine = await h.call<{ id: string }>('POST', '/v1/vendors/reports', {
      as: tenantOwner(tenant),
      body: { kind: 'vendor.profile', params: { vendorId, from: '2026-03-01', to: '2026-03-31' } },
    });
    await waitReady(mine.json.id, tenantOwner(tenant));
    const peek = await h.call<ErrorJson>('GET', `/v1/vendors/reports/${mine.json.id}`, {
      as: vendorStaff(tenant, otherVendor),
    });
    expect(peek.status).toBe(404);
    expect(peek.json.error.code).toBe('REPORT_NOT_FOUND');
  });

  it('names a bad period parameter', async () => {
    const res = await h.call<ErrorJson>('POST', '/v1/vendors/reports', {
      as: tenantOwner(tenant),
      body: { kind: 'vendor.profile', params: { vendorId, from: '2026-03-31', to: '2026-03-01' } },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.details.fields?.[0]?.field).toBe('params.to');
  });
});

async function fetchPdf(id: string): Promise<Buffer> {
  const res = await h.bytes(`/v1/vendors/reports/${id}/file`, vendorOwner(tenant, vendorId));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  return res.body;
}

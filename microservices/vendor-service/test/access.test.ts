import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBody, approvedVendor, bkashPayout, type VendorJson } from './support/vendor.fixtures.js';
import {
  applicant,
  type Caller,
  type ErrorJson,
  type Harness,
  platform,
  startHarness,
  tenantOwner,
  tenantStaff,
  vendorOwner,
  vendorStaff,
} from './support/vendor.harness.js';

let h: Harness;
const tenantA = newId();
const tenantB = newId();
let vendorA: string;
let vendorB: string;

beforeAll(async () => {
  h = await startHarness();
  vendorA = await approvedVendor(h, tenantA, applicant(tenantA), `store-a-${newId().slice(-6)}`);
  vendorB = await approvedVendor(h, tenantA, applicant(tenantA), `store-b-${newId().slice(-6)}`);
});
afterAll(async () => {
  await h?.close();
});

describe('vendor scoping', () => {
  it('lets vendor A’s staff read vendor A but not vendor B', async () => {
    const staffA = vendorStaff(tenantA, vendorA);
    expect((await h.call('GET', `/v1/vendors/${vendorA}`, { as: staffA })).status).toBe(200);
    for (const path of [
      `/v1/vendors/${vendorB}`,
      `/v1/vendors/${vendorB}/store`,
      `/v1/vendors/${vendorB}/compliance`,
      `/v1/vendors/${vendorB}/audit`,
      `/v1/vendors/${vendorB}/metrics`,
    ]) {
      const res = await h.call<ErrorJson>('GET', path, { as: staffA });
      expect(res.status, path).toBe(403);
      expect(res.json.error.code).toBe('VENDOR_ACCESS_DENIED');
    }
  });

  it('lets vendor A’s owner change A’s settings and payouts but not B’s', async () => {
    const ownerA = vendorOwner(tenantA, vendorA);
    expect(
      (await h.call('PATCH', `/v1/vendors/${vendorA}/store`, { as: ownerA, body: { handlingTimeDays: 3 } }))
        .status,
    ).toBe(200);
    expect((await h.call('GET', `/v1/vendors/${vendorA}/payout-account`, { as: ownerA })).status).toBe(200);
    const attempts: [string, string, unknown][] = [
      ['PATCH', `/v1/vendors/${vendorB}/store`, { holidayMode: true }],
      ['PATCH', `/v1/vendors/${vendorB}`, { contactEmail: 'x@example.com' }],
      ['GET', `/v1/vendors/${vendorB}/payout-account`, undefined],
      ['PUT', `/v1/vendors/${vendorB}/payout-account`, bkashPayout],
      [
        'POST',
        `/v1/vendors/${vendorB}/submissions`,
        { documents: [{ type: 'nid', mediaAssetId: newId(), holderName: 'X Y' }] },
      ],
    ];
    for (const [method, path, body] of attempts) {
      const res = await h.call<ErrorJson>(method, path, { as: ownerA, body });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.json.error.code).toBe('VENDOR_ACCESS_DENIED');
    }
    const store = await h.call<{ holidayMode: boolean }>('GET', `/v1/vendors/${vendorB}/store`, {
      as: tenantOwner(tenantA),
    });
    expect(store.json.holidayMode).toBe(false);
  });

  it('keeps payout details from vendor staff and marketplace staff without the permission', async () => {
    for (const who of [vendorStaff(tenantA, vendorA), tenantStaff(tenantA)]) {
      const res = await h.call<ErrorJson>('GET', `/v1/vendors/${vendorA}/payout-account`, { as: who });
      expect(res.status).toBe(403);
      expect(res.json.error).toMatchObject({
        code: 'PERMISSION_DENIED',
        details: { missing: ['payout-account:read'] },
      });
    }
  });

  it('lists every vendor to marketplace staff and only their own to a vendor’s people', async () => {
    const all = await h.call<{ items: VendorJson[] }>('GET', '/v1/vendors?limit=100', {
      as: tenantStaff(tenantA),
    });
    expect(all.json.items.map((v) => v.id)).toEqual(expect.arrayContaining([vendorA, vendorB]));
    const own = await h.call<{ items: VendorJson[] }>('GET', '/v1/vendors', {
      as: vendorStaff(tenantA, vendorA),
    });
    expect(own.json.items.map((v) => v.id)).toEqual([vendorA]);
    const nobody = await h.call<{ items: VendorJson[] }>('GET', '/v1/vendors', { as: applicant(tenantA) });
    expect(nobody.json.items).toEqual([]);
  });

  it('gives a vendor role without a vendor id nothing', async () => {
    const unbound: Caller = { tenantId: tenantA, userId: 'u-1', roles: ['vendor_owner'], permissions: [] };
    expect((await h.call('GET', `/v1/vendors/${vendorA}`, { as: unbound })).status).toBe(403);
    expect((await h.call<{ items: unknown[] }>('GET', '/v1/vendors', { as: unbound })).json.items).toEqual(
      [],
    );
  });
});

describe('tenant isolation', () => {
  it('hides one tenant’s vendors, stores and rules from another tenant, whoever asks', async () => {
    for (const who of [tenantOwner(tenantB), platform(tenantB), vendorOwner(tenantB, vendorA)]) {
      const res = await h.call<ErrorJson>('GET', `/v1/vendors/${vendorA}`, { as: who });
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe('VENDOR_NOT_FOUND');
    }
    expect(
      (await h.call<{ items: unknown[] }>('GET', '/v1/vendors', { as: tenantOwner(tenantB) })).json.items,
    ).toEqual([]);
    const slug = (await h.call<VendorJson>('GET', `/v1/vendors/${vendorA}`, { as: tenantOwner(tenantA) }))
      .json.store.slug;
    expect((await h.call('GET', `/v1/stores/${slug}`, { as: applicant(tenantB) })).status).toBe(404);
    expect(
      (
        await h.call('POST', `/v1/vendors/${vendorA}/suspend`, {
          as: tenantOwner(tenantB),
          body: { reason: 'cross-tenant' },
        })
      ).status,
    ).toBe(404);
    expect(
      (await h.call<{ status: string }>('GET', `/v1/vendors/${vendorA}`, { as: tenantOwner(tenantA) })).json
        .status,
    ).toBe('approved');
  });

  it('lets two tenants use the same store address', async () => {
    const slug = `same-${newId().slice(-6)}`;
    expect(
      (await h.call('POST', '/v1/vendors', { as: applicant(tenantA), body: applyBody(slug) })).status,
    ).toBe(201);
    expect(
      (await h.call('POST', '/v1/vendors', { as: applicant(tenantB), body: applyBody(slug) })).status,
    ).toBe(201);
  });

  it('keeps every vendor row out of reach without the tenant set (row-level security)', async () => {
    const rows = await h.svc.runtime.database.db.execute('select count(*)::int as n from vendors');
    expect(rows.rows[0]).toEqual({ n: 0 });
  });
});

describe('store settings', () => {
  it('hides the products of a store on holiday through an event, and shows the public store page', async () => {
    const owner = vendorOwner(tenantA, vendorA);
    const on = await h.call<{ holidayMode: boolean }>('PATCH', `/v1/vendors/${vendorA}/store`, {
      as: owner,
      body: {
        holidayMode: true,
        holidayMessage: 'Back after Eid',
        businessHours: { sat: { open: '10:00', close: '20:00' } },
      },
    });
    expect(on.json.holidayMode).toBe(true);
    const events = await h.outbox<{
      canSell: boolean;
      holidayMode: boolean;
      changed: string[];
      holidayMessage: string;
    }>('vendor.updated.v1', vendorA);
    expect(events.at(-1)?.payload).toMatchObject({
      canSell: false,
      holidayMode: true,
      holidayMessage: 'Back after Eid',
      changed: ['businessHours', 'holidayMode', 'holidayMessage'],
    });
    const { json: vendor } = await h.call<VendorJson>('GET', `/v1/vendors/${vendorA}`, { as: owner });
    expect(vendor.canSell).toBe(false);
    const page = await h.call<{ open: boolean; holidayMessage: string; defaultWarehouseId?: string }>(
      'GET',
      `/v1/stores/${vendor.store.slug}`,
      {
        as: { tenantId: tenantA, userId: null, roles: [], permissions: [] },
      },
    );
    expect(page.json).toMatchObject({ open: false, holidayMessage: 'Back after Eid' });
    expect(page.json.defaultWarehouseId).toBeUndefined();
    await h.call('PATCH', `/v1/vendors/${vendorA}/store`, { as: owner, body: { holidayMode: false } });
    expect((await h.outbox<{ canSell: boolean }>('vendor.updated.v1', vendorA)).at(-1)?.payload.canSell).toBe(
      true,
    );
  });

  it('refuses bad hours, a bad slug, and a slug another store has', async () => {
    const owner = vendorOwner(tenantA, vendorA);
    const hours = await h.call<ErrorJson>('PATCH', `/v1/vendors/${vendorA}/store`, {
      as: owner,
      body: { businessHours: { fri: { open: '18:00', close: '09:00' } } },
    });
    expect(hours.status).toBe(400);
    expect(hours.json.error.details.fields?.[0]?.field).toBe('businessHours.fri.close');
    expect(
      (await h.call('PATCH', `/v1/vendors/${vendorA}/store`, { as: owner, body: { slug: 'Bad Slug' } }))
        .status,
    ).toBe(400);
    const other = (await h.call<VendorJson>('GET', `/v1/vendors/${vendorB}`, { as: tenantOwner(tenantA) }))
      .json.store.slug;
    const taken = await h.call<ErrorJson>('PATCH', `/v1/vendors/${vendorA}/store`, {
      as: owner,
      body: { slug: other },
    });
    expect(taken.status).toBe(409);
    expect(taken.json.error.code).toBe('VENDOR_STORE_SLUG_TAKEN');
  });

  it('does not show the store page of a vendor that is not approved', async () => {
    const slug = `pending-${newId().slice(-6)}`;
    await h.call('POST', '/v1/vendors', { as: applicant(tenantA), body: applyBody(slug) });
    const res = await h.call<ErrorJson>('GET', `/v1/stores/${slug}`, { as: applicant(tenantA) });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('VENDOR_STORE_NOT_FOUND');
  });

  it('lets the marketplace set the tier (announced) but not the vendor', async () => {
    const denied = await h.call<ErrorJson>('PUT', `/v1/vendors/${vendorB}/tier`, {
      as: vendorOwner(tenantA, vendorB),
      body: { tier: 'gold' },
    });
    expect(denied.status).toBe(403);
    const set = await h.call<VendorJson>('PUT', `/v1/vendors/${vendorB}/tier`, {
      as: tenantOwner(tenantA),
      body: { tier: 'gold', reason: 'Top seller in Q1' },
    });
    expect(set.json.tier).toBe('gold');
    expect(
      (await h.outbox<{ tier: string; changed: string[] }>('vendor.updated.v1', vendorB)).at(-1)?.payload,
    ).toMatchObject({ tier: 'gold', changed: ['tier'] });
  });
});

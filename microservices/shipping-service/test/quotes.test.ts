import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  guest,
  owner,
  setUpTenant,
  type ShippingHarness,
  startShippingHarness,
} from './support/shipping.harness.js';

let s: ShippingHarness;
const tenant = newId();
const vendorA = newId();
const vendorB = newId();

interface Quote {
  zone: string;
  courier: string | null;
  source: string;
  weightGrams: number;
  deliveryFeeMinor: string;
  codFeeMinor: string;
  discountMinor: string;
  totalMinor: string;
  freeShipping: boolean;
}

const quote = (body: Record<string, unknown>, tenantId = tenant) =>
  s.h.call<Quote & { error: { code: string; details: { fields: { field: string }[] } } }>(
    'POST',
    '/v1/shipping/quotes',
    {
      as: guest(tenantId),
      body: { vendorId: vendorB, currency: 'BDT', subtotalMinor: '100000', ...body },
    },
  );
const dhaka = { district: 'Dhaka', area: 'Dhanmondi' };

beforeAll(async () => {
  s = await startShippingHarness();
  await setUpTenant(s, tenant, vendorA, vendorB);
});

afterAll(async () => {
  await s?.close();
});

describe('shipping quotes', () => {
  it('prices by zone and weight slab', async () => {
    const inside = await quote({ destination: dhaka, lines: [{ quantity: 1, weightGrams: 400 }] });
    expect(inside.status, inside.text).toBe(200);
    expect(inside.json).toMatchObject({
      zone: 'inside_dhaka',
      courier: null,
      source: 'rule',
      weightGrams: 400,
      deliveryFeeMinor: '6000',
      totalMinor: '6000',
    });
    const suburb = await quote({
      destination: { district: 'Dhaka', area: 'Savar' },
      lines: [{ quantity: 2, weightGrams: 400 }],
    });
    expect(suburb.json).toMatchObject({ zone: 'dhaka_suburbs', weightGrams: 800, deliveryFeeMinor: '9000' });
    const outside = await quote({
      destination: { district: 'Chittagong' },
      lines: [{ quantity: 1, weightGrams: 2500 }],
    });
    // 1 kg slab 13 000 + 2 started kilograms × 2 000.
    expect(outside.json).toMatchObject({
      zone: 'outside_dhaka',
      deliveryFeeMinor: '17000',
      totalMinor: '17000',
    });
  });

  it('adds the cash-on-delivery charge: 1 % of the amount, at least 10 taka', async () => {
    const big = await quote({
      destination: dhaka,
      lines: [{ quantity: 1, weightGrams: 400 }],
      subtotalMinor: '300000',
      cashOnDelivery: true,
    });
    expect(big.json).toMatchObject({ codFeeMinor: '3000', totalMinor: '9000' });
    const small = await quote({
      destination: dhaka,
      lines: [{ quantity: 1, weightGrams: 400 }],
      subtotalMinor: '20000',
      cashOnDelivery: true,
    });
    expect(small.json).toMatchObject({ codFeeMinor: '1000', totalMinor: '7000' });
  });

  it('ships free from the threshold on, still charging cash on delivery', async () => {
    const free = await quote({
      destination: dhaka,
      lines: [{ quantity: 1, weightGrams: 400 }],
      subtotalMinor: '500000',
      cashOnDelivery: true,
    });
    expect(free.json).toMatchObject({
      freeShipping: true,
      deliveryFeeMinor: '6000',
      discountMinor: '6000',
      codFeeMinor: '5000',
      totalMinor: '5000',
    });
    const justBelow = await quote({
      destination: dhaka,
      lines: [{ quantity: 1, weightGrams: 400 }],
      subtotalMinor: '499999',
    });
    expect(justBelow.json).toMatchObject({ freeShipping: false, totalMinor: '6000' });
  });

  it('uses a vendor’s own rate over the tenant’s', async () => {
    const set = await s.h.call('PUT', '/v1/shipping/rates/inside_dhaka', {
      as: owner(tenant),
      body: { vendorId: vendorB, currency: 'BDT', slabs: [{ maxGrams: 5000, feeMinor: '4500' }] },
    });
    expect(set.status, set.text).toBe(200);
    expect(
      (await quote({ destination: dhaka, lines: [{ quantity: 1, weightGrams: 400 }] })).json.totalMinor,
    ).toBe('4500');
    expect(
      (await quote({ vendorId: newId(), destination: dhaka, lines: [{ quantity: 1, weightGrams: 400 }] }))
        .json.totalMinor,
    ).toBe('6000');
  });

  it('refuses an address in no zone with a clear 422', async () => {
    const nowhere = await quote({
      destination: { district: 'Atlantis' },
      lines: [{ quantity: 1, weightGrams: 400 }],
    });
    expect(nowhere.status).toBe(422);
    expect(nowhere.json.error.code).toBe('SHIPPING_ADDRESS_OUTSIDE_ZONES');
    expect(nowhere.json.error.details.fields[0]?.field).toBe('destination.district');
    const abroad = await quote({
      destination: { country: 'IN', district: 'Kolkata' },
      lines: [{ quantity: 1, weightGrams: 400 }],
    });
    expect(abroad.status).toBe(422);
    expect(abroad.json.error.code).toBe('SHIPPING_ZONE_NOT_SERVED');
  });

  it('refuses a parcel heavier than the slabs allow, and bad input with 400 naming the field', async () => {
    const heavy = await s.h.call('PUT', '/v1/shipping/rates/outside_dhaka', {
      as: owner(tenant),
      body: { vendorId: vendorB, currency: 'BDT', slabs: [{ maxGrams: 1000, feeMinor: '9000' }] },
    });
    expect(heavy.status).toBe(200);
    const tooHeavy = await quote({
      destination: { district: 'Sylhet' },
      lines: [{ quantity: 3, weightGrams: 400 }],
    });
    expect(tooHeavy.status).toBe(422);
    expect(tooHeavy.json.error.code).toBe('SHIPPING_PARCEL_TOO_HEAVY');
    const bad = await quote({ destination: dhaka, lines: [{ quantity: 0, weightGrams: 400 }] });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.fields[0]?.field).toBe('lines.0.quantity');
  });

  it('keeps each tenant’s rates to itself', async () => {
    const other = await quote({ destination: dhaka, lines: [{ quantity: 1, weightGrams: 400 }] }, newId());
    expect(other.status).toBe(422);
    expect(other.json.error.code).toBe('SHIPPING_ZONE_NOT_SERVED');
  });

  it('prices by Pathao’s own plan when the rule says so, renewing an expired token', async () => {
    const set = await s.h.call('PUT', '/v1/shipping/rates/inside_dhaka', {
      as: owner(tenant),
      body: {
        vendorId: vendorA,
        currency: 'BDT',
        slabs: [{ maxGrams: 5000, feeMinor: '9900' }],
        useCourierPricePlan: true,
      },
    });
    expect(set.status).toBe(200);
    const first = await quote({
      vendorId: vendorA,
      destination: dhaka,
      lines: [{ quantity: 1, weightGrams: 1200 }],
      subtotalMinor: '150000',
      cashOnDelivery: true,
    });
    // The fake's plan: 70 taka up to 1 kg + 15 per started kg after, COD 1 %.
    expect(first.json).toMatchObject({
      courier: 'pathao',
      source: 'courier',
      deliveryFeeMinor: '8500',
      codFeeMinor: '1500',
      totalMinor: '10000',
    });

    s.pathao.expireTokens();
    const calls = s.pathao.http.calls.length;
    const second = await quote({
      vendorId: vendorA,
      destination: dhaka,
      lines: [{ quantity: 1, weightGrams: 400 }],
    });
    expect(second.json).toMatchObject({ source: 'courier', deliveryFeeMinor: '6000' });
    const after = s.pathao.http.calls.slice(calls);
    expect(after.map((c) => `${c.status} ${c.path}`)).toEqual([
      '401 /aladdin/api/v1/merchant/price-plan',
      '200 /aladdin/api/v1/issue-token',
      '200 /aladdin/api/v1/merchant/price-plan',
    ]);
    expect(JSON.parse(after[1]?.body ?? '{}').grant_type).toBe('refresh_token');
  });

  it('falls back to the rule when Pathao cannot place the address', async () => {
    const set = await s.h.call('PUT', '/v1/shipping/rates/outside_dhaka', {
      as: owner(tenant),
      body: {
        vendorId: vendorA,
        currency: 'BDT',
        slabs: [{ maxGrams: 5000, feeMinor: '15000' }],
        useCourierPricePlan: true,
      },
    });
    expect(set.status).toBe(200);
    const r = await quote({
      vendorId: vendorA,
      destination: { district: 'Rangpur' },
      lines: [{ quantity: 1, weightGrams: 400 }],
    });
    expect(r.json).toMatchObject({ courier: 'pathao', source: 'rule', totalMinor: '15000' });
  });
});

import { status } from '@grpc/grpc-js';
import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommissionsClient } from './support/commissions-grpc.client.js';
import { approvedVendor } from './support/vendor.fixtures.js';
import {
  applicant,
  type ErrorJson,
  type Harness,
  platform,
  startHarness,
  tenantOwner,
  vendorOwner,
} from './support/vendor.harness.js';

let h: Harness;
let grpc: CommissionsClient;
const tenant = newId();
const PHONES = newId();
const ELECTRONICS = newId();
let plain: string;
let special: string;
let gold: string;

interface RuleJson {
  id: string;
}
interface ResolvedJson {
  at: string;
  lines: {
    lineId: string | null;
    ruleId: string;
    level: string;
    matchedOn: string | null;
    commission: { amountMinor: string; currency: string };
    percentPart: { amountMinor: string };
    minimumApplied: boolean;
    explanation: string;
  }[];
}

const owner = () => tenantOwner(tenant);
const rule = async (body: Record<string, unknown>) => {
  const res = await h.call<RuleJson>('POST', '/v1/commissions/rules', { as: owner(), body });
  expect(res.status, res.text).toBe(201);
  return res.json.id;
};
const resolve = (body: Record<string, unknown>) =>
  h.call<ResolvedJson>('POST', '/v1/commissions/resolve', { as: platform(tenant), body });
const line = (vendorId: string, amountMinor: string, categoryIds: string[] = []) => ({
  lineId: `line-${vendorId.slice(-4)}`,
  vendorId,
  categoryIds,
  amount: { amountMinor, currency: 'BDT' },
});

let ids: Record<string, string>;

beforeAll(async () => {
  h = await startHarness({ now: new Date('2026-03-10T09:00:00Z') });
  grpc = new CommissionsClient(h.grpcPort());
  plain = await approvedVendor(h, tenant, applicant(tenant));
  special = await approvedVendor(h, tenant, applicant(tenant));
  gold = await approvedVendor(h, tenant, applicant(tenant));
  await h.call('PUT', `/v1/vendors/${gold}/tier`, { as: owner(), body: { tier: 'gold' } });
  ids = {
    default: await rule({ level: 'default', percentBps: 1000, effectiveFrom: '2026-01-01T00:00:00Z' }),
    gold: await rule({ level: 'tier', tier: 'gold', percentBps: 800, effectiveFrom: '2026-01-01T00:00:00Z' }),
    electronics: await rule({
      level: 'category',
      categoryId: ELECTRONICS,
      percentBps: 600,
      effectiveFrom: '2026-01-01T00:00:00Z',
    }),
    phones: await rule({
      level: 'category',
      categoryId: PHONES,
      percentBps: 500,
      fixedMinor: '1000',
      minimumMinor: '5000',
      effectiveFrom: '2026-01-01T00:00:00Z',
    }),
    special: await rule({
      level: 'vendor',
      vendorId: special,
      percentBps: 300,
      effectiveFrom: '2026-01-01T00:00:00Z',
    }),
  };
});
afterAll(async () => {
  grpc?.close();
  await h?.close();
});

describe('commission resolution', () => {
  it('picks the right rule for each case by precedence', async () => {
    const cases: [string, ReturnType<typeof line>, string, string | null][] = [
      ['vendor rule beats category and tier', line(special, '100000', [PHONES]), 'special', null],
      ['leaf category beats its ancestor', line(plain, '100000', [PHONES, ELECTRONICS]), 'phones', PHONES],
      [
        'ancestor category when the leaf has none',
        line(plain, '100000', [newId(), ELECTRONICS]),
        'electronics',
        ELECTRONICS,
      ],
      ['category beats tier', line(gold, '100000', [ELECTRONICS]), 'electronics', ELECTRONICS],
      ['tier beats default', line(gold, '100000'), 'gold', 'gold'],
      ['default for everything else', line(plain, '100000'), 'default', null],
    ];
    const res = await resolve({ lines: cases.map((c) => c[1]) });
    expect(res.status, res.text).toBe(200);
    res.json.lines.forEach((resolved, i) => {
      const [name, l, expected, matchedOn] = cases[i] ?? [];
      expect(resolved.ruleId, name).toBe(ids[expected as string]);
      if (matchedOn !== null) expect(resolved.matchedOn, name).toBe(matchedOn);
      expect(resolved.lineId).toBe(l?.lineId);
    });
    expect(res.json.lines[0]?.matchedOn).toBe(special);
    expect(res.json.lines.map((l) => l.level)).toEqual([
      'vendor',
      'category',
      'category',
      'category',
      'tier',
      'default',
    ]);
  });

  it('computes the amount in minor units with the platform’s half-even rounding, fixed part and minimum', async () => {
    const res = await resolve({
      lines: [
        line(plain, '10025'), // 10 % of 100.25 = 10.025 → 10.02 (half to even)
        line(plain, '10035'), // 10 % of 100.35 = 10.035 → 10.04 (half to even)
        line(plain, '100000', [PHONES]), // 5 % + 10.00 = 60.00
        line(plain, '20000', [PHONES]), // 5 % + 10.00 = 20.00 → minimum 50.00
        line(plain, '3000', [PHONES]), // minimum 50.00 > the line: capped at 30.00
      ],
    });
    expect(res.json.lines.map((l) => l.commission.amountMinor)).toEqual([
      '1002',
      '1004',
      '6000',
      '5000',
      '3000',
    ]);
    expect(res.json.lines[3]?.minimumApplied).toBe(true);
    expect(res.json.lines[2]?.explanation).toBe(
      `Rule ${ids.phones}, the rule of category ${PHONES} (no vendor rule applies), effective since 2026-01-01T00:00:00.000Z: ` +
        '5.00% of BDT 1000.00 = BDT 50.00 + fixed BDT 10.00 = BDT 60.00.',
    );
  });

  it('follows effective dates by the service clock: a new rule applies from its start, an ended one stops', async () => {
    const vendorId = await approvedVendor(h, tenant, applicant(tenant));
    const old = await rule({
      level: 'vendor',
      vendorId,
      percentBps: 700,
      effectiveFrom: '2026-01-01T00:00:00Z',
    });
    const next = await rule({
      level: 'vendor',
      vendorId,
      percentBps: 400,
      effectiveFrom: '2026-04-01T00:00:00Z',
    });
    const now = async () => (await resolve({ lines: [line(vendorId, '100000')] })).json.lines[0];
    expect((await now())?.ruleId).toBe(old);
    h.clock.set(new Date('2026-04-01T00:00:00Z'));
    try {
      expect(await now()).toMatchObject({ ruleId: next, commission: { amountMinor: '4000' } });
      // An order placed earlier resolves as it did then.
      const then = await resolve({ at: '2026-03-15T12:00:00+06:00', lines: [line(vendorId, '100000')] });
      expect(then.json.lines[0]?.ruleId).toBe(old);
      const ended = await h.call<{ effectiveTo: string }>('PATCH', `/v1/commissions/rules/${next}`, {
        as: owner(),
        body: { effectiveTo: '2026-04-01T00:00:01Z' },
      });
      expect(ended.json.effectiveTo).toBe('2026-04-01T00:00:01.000Z');
      h.clock.set(new Date('2026-04-02T00:00:00Z'));
      expect(await now()).toMatchObject({ ruleId: old, level: 'vendor' });
    } finally {
      h.clock.set(new Date('2026-03-10T09:00:00Z'));
    }
  });

  it('answers the same over gRPC, signed like an internal request', async () => {
    const request = {
      at: '',
      lines: [
        { line_id: 'l-1', vendor_id: plain, category_ids: [PHONES], amount_minor: '100000', currency: 'BDT' },
      ],
    };
    const reply = await grpc.resolve(request, { as: platform(tenant) });
    expect(reply.error).toBeUndefined();
    const [resolved] = (reply.response?.lines ?? []) as Record<string, unknown>[];
    expect(resolved).toMatchObject({
      line_id: 'l-1',
      rule_id: ids.phones,
      level: 'category',
      matched_on: PHONES,
      percent_bps: 500,
      percent_part_minor: '5000',
      fixed_minor: '1000',
      commission_minor: '6000',
      currency: 'BDT',
      vendor_tier: 'standard',
    });
    const unsigned = await grpc.resolve(request, { as: platform(tenant), sign: false });
    expect(unsigned.error?.code).toBe(status.UNAUTHENTICATED);
    const vendorAsks = await grpc.resolve(request, { as: vendorOwner(tenant, plain) });
    expect(vendorAsks.error?.code).toBe(status.PERMISSION_DENIED);
    const unknown = await grpc.resolve(
      { ...request, lines: [{ ...request.lines[0], vendor_id: newId() }] },
      { as: platform(tenant) },
    );
    expect(unknown.error?.code).toBe(status.NOT_FOUND);
    expect(unknown.error?.metadata.get('x-haat-error-code')).toEqual(['VENDOR_NOT_FOUND']);
  });

  it('says so when no rule applies, and refuses malformed lines naming the field', async () => {
    const usd = await resolve({
      lines: [{ ...line(plain, '100'), amount: { amountMinor: '100', currency: 'USD' } }],
    });
    expect(usd.status).toBe(404);
    expect((usd.json as unknown as ErrorJson).error.code).toBe('COMMISSION_NO_RULE');
    const bad = await h.call<ErrorJson>('POST', '/v1/commissions/resolve', {
      as: platform(tenant),
      body: { lines: [{ ...line(plain, '100'), amount: { amountMinor: '-5', currency: 'BDT' } }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.fields?.[0]?.field).toBe('lines.0.amount.amountMinor');
    const other = await h.call<ErrorJson>('POST', '/v1/commissions/resolve', {
      as: platform(newId()),
      body: { lines: [line(plain, '100')] },
    });
    expect(other.json.error.code).toBe('VENDOR_NOT_FOUND');
  });
});

describe('commission rules', () => {
  it('refuses a rule whose target does not fit its level, or that ends before it starts', async () => {
    const res = await h.call<ErrorJson>('POST', '/v1/commissions/rules', {
      as: owner(),
      body: { level: 'tier', vendorId: plain, percentBps: 100 },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.details.fields?.map((f) => f.field)).toEqual(['vendorId', 'tier']);
    const backwards = await h.call<ErrorJson>('POST', '/v1/commissions/rules', {
      as: owner(),
      body: {
        level: 'default',
        percentBps: 100,
        effectiveFrom: '2026-05-01T00:00:00Z',
        effectiveTo: '2026-04-01T00:00:00Z',
      },
    });
    expect(backwards.json.error.details.fields?.[0]?.field).toBe('effectiveTo');
    const over = await h.call<ErrorJson>('POST', '/v1/commissions/rules', {
      as: owner(),
      body: { level: 'default', percentBps: 10_001 },
    });
    expect(over.json.error.details.fields?.[0]?.field).toBe('percentBps');
    const ghost = await h.call<ErrorJson>('POST', '/v1/commissions/rules', {
      as: owner(),
      body: { level: 'vendor', vendorId: newId(), percentBps: 100 },
    });
    expect(ghost.json.error.code).toBe('VENDOR_NOT_FOUND');
  });

  it('lists the rules in force at an instant, and keeps them from vendors', async () => {
    const list = await h.call<{ items: { id: string; level: string }[] }>(
      'GET',
      '/v1/commissions/rules?level=category&activeAt=2026-02-01T00:00:00Z',
      { as: owner() },
    );
    expect(list.json.items.map((r) => r.id).sort()).toEqual([ids.electronics, ids.phones].sort());
    expect(
      (await h.call<ErrorJson>('GET', '/v1/commissions/rules', { as: vendorOwner(tenant, plain) })).json.error
        .code,
    ).toBe('PERMISSION_DENIED');
    const ended = await h.call<ErrorJson>('PATCH', `/v1/commissions/rules/${ids.gold}`, {
      as: owner(),
      body: { effectiveTo: '2025-01-01T00:00:00Z' },
    });
    expect(ended.json.error.code).toBe('COMMISSION_RULE_ENDED');
  });
});

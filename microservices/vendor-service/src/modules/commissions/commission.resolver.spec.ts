import { money } from '@haat/common';
import { describe, expect, it } from 'vitest';
import {
  type CommissionRuleFacts,
  computeCommission,
  pickCommissionRule,
  resolveCommission,
} from './commission.resolver.js';

const VENDOR = '0190a4c6-0000-7000-8000-00000000a001';
const OTHER_VENDOR = '0190a4c6-0000-7000-8000-00000000a002';
const PHONES = '0190a4c6-0000-7000-8000-0000000c0001';
const ELECTRONICS = '0190a4c6-0000-7000-8000-0000000c0002';
const JAN = new Date('2026-01-01T00:00:00Z');
const FEB = new Date('2026-02-01T00:00:00Z');
const MAR = new Date('2026-03-01T00:00:00Z');

let seq = 0;
function rule(over: Partial<CommissionRuleFacts>): CommissionRuleFacts {
  seq += 1;
  return {
    id: `0190a4c6-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    level: 'default',
    vendorId: null,
    categoryId: null,
    tier: null,
    currency: 'BDT',
    percentBps: 1000,
    fixedMinor: 0n,
    minimumMinor: 0n,
    effectiveFrom: JAN,
    effectiveTo: null,
    ...over,
  };
}

const tenantDefault = rule({ level: 'default', percentBps: 1000 });
const goldTier = rule({ level: 'tier', tier: 'gold', percentBps: 800 });
const electronics = rule({ level: 'category', categoryId: ELECTRONICS, percentBps: 600 });
const phones = rule({ level: 'category', categoryId: PHONES, percentBps: 500 });
const vendorOwn = rule({ level: 'vendor', vendorId: VENDOR, percentBps: 300 });
const ALL = [tenantDefault, goldTier, electronics, phones, vendorOwn];

const line = (over: { vendorId?: string; tier?: string; categoryIds?: string[] } = {}) => ({
  vendorId: over.vendorId ?? VENDOR,
  vendorTier: over.tier ?? 'standard',
  categoryIds: over.categoryIds ?? [],
  amount: money(100_000, 'BDT'),
});

describe('commission precedence (vendor > category > tier > default)', () => {
  it.each([
    [
      'the vendor’s own rule beats everything',
      ALL,
      line({ tier: 'gold', categoryIds: [PHONES, ELECTRONICS] }),
      vendorOwn,
      VENDOR,
    ],
    [
      'the most specific category beats its ancestor',
      ALL,
      line({ vendorId: OTHER_VENDOR, categoryIds: [PHONES, ELECTRONICS] }),
      phones,
      PHONES,
    ],
    [
      'an ancestor category applies when the leaf has no rule',
      ALL,
      line({ vendorId: OTHER_VENDOR, categoryIds: ['0190a4c6-0000-7000-8000-0000000c0099', ELECTRONICS] }),
      electronics,
      ELECTRONICS,
    ],
    [
      'a category beats the tier',
      ALL,
      line({ vendorId: OTHER_VENDOR, tier: 'gold', categoryIds: [ELECTRONICS] }),
      electronics,
      ELECTRONICS,
    ],
    ['the tier beats the default', ALL, line({ vendorId: OTHER_VENDOR, tier: 'gold' }), goldTier, 'gold'],
    [
      'the tenant default when nothing else matches',
      ALL,
      line({ vendorId: OTHER_VENDOR, tier: 'silver' }),
      tenantDefault,
      null,
    ],
  ] as const)('%s', (_name, rules, l, expected, matchedOn) => {
    expect(pickCommissionRule(rules, l, FEB)).toEqual({ rule: expected, matchedOn });
  });

  it('answers nothing when no rule exists for the line’s currency', () => {
    expect(pickCommissionRule(ALL, { ...line(), amount: money(100, 'USD') }, FEB)).toBeUndefined();
  });
});

describe('commission effective dates', () => {
  const old = rule({
    level: 'vendor',
    vendorId: VENDOR,
    percentBps: 700,
    effectiveFrom: JAN,
    effectiveTo: FEB,
  });
  const next = rule({ level: 'vendor', vendorId: VENDOR, percentBps: 400, effectiveFrom: FEB });
  const future = rule({ level: 'vendor', vendorId: VENDOR, percentBps: 100, effectiveFrom: MAR });

  it('applies a rule from its start, up to (not including) its end', () => {
    expect(pickCommissionRule([old, next, future], line(), new Date('2026-01-31T23:59:59Z'))?.rule).toBe(old);
    expect(pickCommissionRule([old, next, future], line(), FEB)?.rule).toBe(next);
  });

  it('ignores a rule that has not started, until it starts and supersedes the older one', () => {
    expect(pickCommissionRule([next, future], line(), new Date('2026-02-28T12:00:00Z'))?.rule).toBe(next);
    expect(pickCommissionRule([next, future], line(), MAR)?.rule).toBe(future);
  });

  it('falls back to a lower level when the vendor’s rule ended', () => {
    expect(pickCommissionRule([old, tenantDefault], line(), MAR)?.rule).toBe(tenantDefault);
  });
});

describe('commission arithmetic', () => {
  it('rounds the percentage half to even, in minor units', () => {
    // 15 % of 10 050 = 1 507.5 → 1 508 (to even); 10 % of 25 = 2.5 → 2; 10 % of 35 = 3.5 → 4.
    expect(computeCommission(rule({ percentBps: 1500 }), money(10_050, 'BDT')).commission.amountMinor).toBe(
      1508n,
    );
    expect(computeCommission(rule({ percentBps: 1000 }), money(25, 'BDT')).commission.amountMinor).toBe(2n);
    expect(computeCommission(rule({ percentBps: 1000 }), money(35, 'BDT')).commission.amountMinor).toBe(4n);
    expect(computeCommission(rule({ percentBps: 250 }), money(12_345, 'BDT')).commission.amountMinor).toBe(
      309n,
    );
  });

  it('adds the fixed part and raises to the minimum', () => {
    const r = rule({ percentBps: 500, fixedMinor: 1_000n, minimumMinor: 5_000n });
    expect(computeCommission(r, money(100_000, 'BDT'))).toMatchObject({
      commission: { amountMinor: 6_000n },
      minimumApplied: false,
    });
    expect(computeCommission(r, money(20_000, 'BDT'))).toMatchObject({
      percentPart: { amountMinor: 1_000n },
      commission: { amountMinor: 5_000n },
      minimumApplied: true,
    });
  });

  it('never takes more than the line amount', () => {
    const r = rule({ percentBps: 1000, minimumMinor: 5_000n });
    expect(computeCommission(r, money(3_000, 'BDT'))).toMatchObject({
      commission: { amountMinor: 3_000n },
      cappedAtLineAmount: true,
    });
  });

  it('explains the rule, why it applies and the arithmetic', () => {
    const r = rule({ level: 'tier', tier: 'gold', percentBps: 1250, fixedMinor: 500n });
    const resolved = resolveCommission([r], line({ tier: 'gold' }), FEB);
    expect(resolved?.explanation).toBe(
      `Rule ${r.id}, the rule of tier gold (no vendor, no category rule applies), effective since 2026-01-01T00:00:00.000Z: ` +
        '12.50% of BDT 1000.00 = BDT 125.00 + fixed BDT 5.00 = BDT 130.00.',
    );
    expect(resolved?.commission.amountMinor).toBe(13_000n);
  });
});

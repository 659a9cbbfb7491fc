import { describe, expect, it } from 'vitest';
import { codFee, type RateRule, shippingCost, slabFee } from './shipping-cost.calculator.js';

const rule: RateRule = {
  slabs: [
    { maxGrams: 500, feeMinor: 6_000n },
    { maxGrams: 1_000, feeMinor: 7_000n },
    { maxGrams: 2_000, feeMinor: 9_000n },
  ],
  extraPerKgMinor: 1_500n,
  codFeeBps: 100,
  codFeeMinMinor: 1_000n,
  freeShippingThresholdMinor: 300_000n,
};

describe('shipping cost', () => {
  it('prices by the first slab the weight fits, edges included', () => {
    expect(slabFee(rule, 0)).toBe(6_000n);
    expect(slabFee(rule, 500)).toBe(6_000n);
    expect(slabFee(rule, 501)).toBe(7_000n);
    expect(slabFee(rule, 2_000)).toBe(9_000n);
  });

  it('adds the per-kg price for every started kilogram past the last slab, or refuses without one', () => {
    expect(slabFee(rule, 2_001)).toBe(10_500n);
    expect(slabFee(rule, 4_000)).toBe(12_000n);
    expect(slabFee({ ...rule, extraPerKgMinor: null }, 2_001)).toEqual({
      reason: 'too_heavy',
      maxGrams: 2_000,
    });
  });

  it('charges the COD percentage with a minimum, and nothing when prepaid', () => {
    expect(codFee(rule, 250_000n)).toBe(2_500n);
    expect(codFee(rule, 50_000n)).toBe(1_000n);
    expect(codFee(rule, 0n)).toBe(0n);
  });

  it('waives the delivery fee at the free-shipping threshold but keeps the COD charge', () => {
    const free = shippingCost(rule, {
      deliveryFeeMinor: 7_000n,
      subtotalMinor: 300_000n,
      codAmountMinor: 300_000n,
    });
    expect(free).toEqual({
      deliveryFeeMinor: 7_000n,
      codFeeMinor: 3_000n,
      discountMinor: 7_000n,
      totalMinor: 3_000n,
      freeShipping: true,
    });
    const paid = shippingCost(rule, {
      deliveryFeeMinor: 7_000n,
      subtotalMinor: 299_999n,
      codAmountMinor: 0n,
    });
    expect(paid.totalMinor).toBe(7_000n);
    expect(paid.freeShipping).toBe(false);
  });
});

import { money } from '@haat/common';
import { describe, expect, it } from 'vitest';
import { movingAverageCost } from './unit-cost.rules.js';

describe('moving average unit cost', () => {
  it('takes the received cost when nothing valued is on hand', () => {
    expect(
      movingAverageCost({ unitCost: null, onHand: 4 }, { quantity: 2, unitCost: money(150, 'BDT') }),
    ).toEqual(money(150, 'BDT'));
    expect(
      movingAverageCost(
        { unitCost: money(90, 'BDT'), onHand: 0 },
        { quantity: 2, unitCost: money(150, 'BDT') },
      ),
    ).toEqual(money(150, 'BDT'));
  });

  it('weights the old and new cost by quantity, rounding half to even', () => {
    // (10 × 100 + 10 × 200) / 20 = 150
    expect(
      movingAverageCost(
        { unitCost: money(100, 'BDT'), onHand: 10 },
        { quantity: 10, unitCost: money(200, 'BDT') },
      ),
    ).toEqual(money(150, 'BDT'));
    // (1 × 100 + 1 × 101) / 2 = 100.5 → 100 (even)
    expect(
      movingAverageCost(
        { unitCost: money(100, 'BDT'), onHand: 1 },
        { quantity: 1, unitCost: money(101, 'BDT') },
      ),
    ).toEqual(money(100, 'BDT'));
  });
});

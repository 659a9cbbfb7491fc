import { describe, expect, it } from 'vitest';
import { stockSignals } from './stock-signal.rules.js';

describe('stock signals', () => {
  it('raises the low-stock alert once, when available first reaches the threshold', () => {
    const crossing = stockSignals(
      { onHand: 12, reserved: 0, lowStock: false },
      { onHand: 12, reserved: 2 },
      10,
    );
    expect(crossing).toMatchObject({ available: 10, lowStock: true, lowStockCrossed: true });
    const further = stockSignals(
      { onHand: 12, reserved: 2, lowStock: true },
      { onHand: 12, reserved: 5 },
      10,
    );
    expect(further).toMatchObject({ lowStock: true, lowStockCrossed: false });
  });

  it('re-arms the alert after available rises above the threshold', () => {
    const above = stockSignals({ onHand: 5, reserved: 0, lowStock: true }, { onHand: 20, reserved: 0 }, 10);
    expect(above).toMatchObject({ lowStock: false, lowStockCrossed: false });
    const again = stockSignals({ onHand: 20, reserved: 0, lowStock: false }, { onHand: 8, reserved: 0 }, 10);
    expect(again.lowStockCrossed).toBe(true);
  });

  it('never alerts without a threshold', () => {
    const s = stockSignals({ onHand: 1, reserved: 0, lowStock: false }, { onHand: 0, reserved: 0 }, null);
    expect(s).toMatchObject({ lowStock: false, lowStockCrossed: false });
  });

  it('announces a change of units on hand', () => {
    const s = stockSignals({ onHand: 3, reserved: 0, lowStock: false }, { onHand: 7, reserved: 0 }, null);
    expect(s).toMatchObject({ stockChanged: true, inStock: true, wasInStock: true });
  });

  it('announces a reservation only when it takes the last unit, and its release when it gives it back', () => {
    const some = stockSignals({ onHand: 5, reserved: 1, lowStock: false }, { onHand: 5, reserved: 2 }, null);
    expect(some.stockChanged).toBe(false);
    const last = stockSignals({ onHand: 5, reserved: 4, lowStock: false }, { onHand: 5, reserved: 5 }, null);
    expect(last).toMatchObject({ stockChanged: true, inStock: false, wasInStock: true });
    const back = stockSignals({ onHand: 5, reserved: 5, lowStock: false }, { onHand: 5, reserved: 3 }, null);
    expect(back).toMatchObject({ stockChanged: true, inStock: true, wasInStock: false });
  });
});

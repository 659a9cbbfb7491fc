import { describe, expect, it } from 'vitest';
import { planLine, type StockCandidate } from './allocation.planner.js';

const dhaka = { latitude: 23.8103, longitude: 90.4125 };
const at = (
  id: string,
  available: number,
  latitude: number | null,
  longitude: number | null,
): StockCandidate => ({
  warehouseId: id,
  vendorId: null,
  available,
  latitude,
  longitude,
});
// From Dhaka: Gazipur ~21 km, Sylhet ~197 km, Chattogram ~215 km; one without coordinates.
const gazipur = (n: number) => at('w-gazipur', n, 23.9999, 90.4203);
const chattogram = (n: number) => at('w-ctg', n, 22.3569, 91.7832);
const sylhet = (n: number) => at('w-sylhet', n, 24.8949, 91.8687);
const unknown = (n: number) => at('w-unknown', n, null, null);

describe('planLine', () => {
  it('takes the whole line from the nearest warehouse that has enough', () => {
    expect(planLine([chattogram(10), gazipur(10), unknown(50)], 4, dhaka)).toEqual({
      kind: 'filled',
      allocations: [{ warehouseId: 'w-gazipur', vendorId: null, quantity: 4 }],
    });
  });

  it('prefers one shipment from a farther warehouse over a split from a nearer one', () => {
    const plan = planLine([gazipur(2), chattogram(10)], 5, dhaka);
    expect(plan).toEqual({
      kind: 'filled',
      allocations: [{ warehouseId: 'w-ctg', vendorId: null, quantity: 5 }],
    });
  });

  it('splits nearest first when no single warehouse has enough', () => {
    const plan = planLine([sylhet(3), gazipur(2), chattogram(3), unknown(4)], 9, dhaka);
    expect(plan).toEqual({
      kind: 'filled',
      allocations: [
        { warehouseId: 'w-gazipur', vendorId: null, quantity: 2 },
        { warehouseId: 'w-sylhet', vendorId: null, quantity: 3 },
        { warehouseId: 'w-ctg', vendorId: null, quantity: 3 },
        { warehouseId: 'w-unknown', vendorId: null, quantity: 1 },
      ],
    });
  });

  it('takes from the warehouse with most units when the destination is unknown', () => {
    const plan = planLine([gazipur(5), chattogram(9)], 3, null);
    expect(plan).toEqual({
      kind: 'filled',
      allocations: [{ warehouseId: 'w-ctg', vendorId: null, quantity: 3 }],
    });
  });

  it('reports how many are available when all together are too few', () => {
    expect(planLine([gazipur(2), chattogram(0), sylhet(1)], 4, dhaka)).toEqual({
      kind: 'short',
      available: 3,
    });
    expect(planLine([], 1, null)).toEqual({ kind: 'short', available: 0 });
  });
});

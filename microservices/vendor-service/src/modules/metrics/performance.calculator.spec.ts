import { describe, expect, it } from 'vitest';
import { computePerformance, type PerformanceCounts } from './performance.calculator.js';

const counts = (over: Partial<PerformanceCounts>): PerformanceCounts => ({
  orders: 0,
  shipped: 0,
  timedShipments: 0,
  fulfilmentSeconds: 0,
  judgedShipments: 0,
  late: 0,
  cancelledByVendor: 0,
  returned: 0,
  ratings: 0,
  ratingSum: 0,
  ...over,
});

describe('seller performance', () => {
  it('computes rates and averages from the counts', () => {
    const m = computePerformance(
      counts({
        orders: 40,
        shipped: 36,
        timedShipments: 36,
        fulfilmentSeconds: 36 * 30 * 3600,
        judgedShipments: 36,
        late: 3,
        cancelledByVendor: 2,
        returned: 1,
        ratings: 8,
        ratingSum: 35,
      }),
    );
    expect(m).toMatchObject({
      averageFulfilmentHours: 30,
      cancellationRate: 0.05,
      lateShipmentRate: 0.0833,
      returnRate: 0.0278,
      rating: { average: 4.38, count: 8 },
      tier: 'standard',
    });
  });

  it('averages fulfilment and lateness over the shipments where they are known', () => {
    const m = computePerformance(
      counts({
        orders: 10,
        shipped: 4,
        timedShipments: 2,
        fulfilmentSeconds: 2 * 10 * 3600,
        judgedShipments: 2,
        late: 1,
      }),
    );
    expect(m).toMatchObject({ averageFulfilmentHours: 10, lateShipmentRate: 0.5 });
  });

  it('calls a vendor with few orders new, and has no rates without data', () => {
    const m = computePerformance(counts({ orders: 3 }));
    expect(m.tier).toBe('new');
    expect(m.lateShipmentRate).toBeNull();
    expect(m.averageFulfilmentHours).toBeNull();
    expect(m.rating.average).toBeNull();
  });

  it('puts a vendor at risk for too many cancellations or a poor rating', () => {
    expect(computePerformance(counts({ orders: 20, shipped: 18, cancelledByVendor: 2 })).tier).toBe(
      'at_risk',
    );
    const poor = computePerformance(counts({ orders: 20, shipped: 20, ratings: 5, ratingSum: 15 }));
    expect(poor.tier).toBe('at_risk');
    expect(poor.tierReasons).toEqual(['rating 3 below 3.5']);
  });

  it('makes a vendor top when every bar is met with enough ratings', () => {
    const m = computePerformance(
      counts({ orders: 50, shipped: 50, judgedShipments: 50, late: 1, ratings: 10, ratingSum: 47 }),
    );
    expect(m.tier).toBe('top');
    expect(
      computePerformance(counts({ orders: 50, shipped: 50, ratings: 2, ratingSum: 10 })).tierReasons,
    ).toEqual(['fewer than 5 ratings']);
  });
});

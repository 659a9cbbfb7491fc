/** Counts of one vendor's facts over a period. */
export interface PerformanceCounts {
  orders: number;
  shipped: number;
  /** Shipments whose fulfilment time is known, and the sum of those times. */
  timedShipments: number;
  fulfilmentSeconds: number;
  /** Shipments known to be on time or late, and the late ones. */
  judgedShipments: number;
  late: number;
  cancelledByVendor: number;
  returned: number;
  ratings: number;
  ratingSum: number;
}

export const PERFORMANCE_TIERS = ['new', 'top', 'standard', 'at_risk'] as const;
export type PerformanceTier = (typeof PERFORMANCE_TIERS)[number];

export interface PerformanceMetrics {
  orders: number;
  shipped: number;
  /** Mean hours from order to hand-over to the courier; null before the first shipment. */
  averageFulfilmentHours: number | null;
  /** Share of orders the vendor cancelled (0..1, 4 decimals); null without orders. */
  cancellationRate: number | null;
  /** Share of shipments handed over after the handling time. */
  lateShipmentRate: number | null;
  /** Share of shipped orders returned. */
  returnRate: number | null;
  rating: { average: number | null; count: number };
  tier: PerformanceTier;
  /** Why this tier: the thresholds met or missed. */
  tierReasons: string[];
}

/**
 * The thresholds of the performance tiers (documented in docs/adr/0027-vendors-commission.md).
 * Fewer than `minOrders` orders in the period: `new`. Any "at risk" limit passed: `at_risk`.
 * Every "top" bar met, with enough ratings: `top`. Otherwise `standard`.
 */
export const TIER_THRESHOLDS = {
  minOrders: 10,
  minRatings: 5,
  atRisk: { cancellation: 0.05, late: 0.15, returns: 0.1, ratingBelow: 3.5 },
  top: { cancellation: 0.02, late: 0.05, returns: 0.05, ratingAtLeast: 4.5 },
} as const;

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;
const ratio = (part: number, whole: number) => (whole === 0 ? null : round(part / whole, 4));
const percent = (x: number) => `${round(x * 100, 2)}%`;

/** Rates, averages and the performance tier from the counts of a period. */
export function computePerformance(c: PerformanceCounts): PerformanceMetrics {
  const metrics = {
    orders: c.orders,
    shipped: c.shipped,
    averageFulfilmentHours:
      c.timedShipments === 0 ? null : round(c.fulfilmentSeconds / c.timedShipments / 3600, 2),
    cancellationRate: ratio(c.cancelledByVendor, c.orders),
    lateShipmentRate: ratio(c.late, c.judgedShipments),
    returnRate: ratio(c.returned, c.shipped),
    rating: { average: c.ratings === 0 ? null : round(c.ratingSum / c.ratings, 2), count: c.ratings },
  };
  return { ...metrics, ...tierOf(metrics) };
}

function tierOf(m: Omit<PerformanceMetrics, 'tier' | 'tierReasons'>): {
  tier: PerformanceTier;
  tierReasons: string[];
} {
  const t = TIER_THRESHOLDS;
  if (m.orders < t.minOrders) {
    return { tier: 'new', tierReasons: [`${m.orders} orders in the period, fewer than ${t.minOrders}`] };
  }
  const cancellation = m.cancellationRate ?? 0;
  const late = m.lateShipmentRate ?? 0;
  const returns = m.returnRate ?? 0;
  const rated = m.rating.count >= t.minRatings ? m.rating.average : null;
  const risks = [
    cancellation > t.atRisk.cancellation
      ? `cancellation rate ${percent(cancellation)} above ${percent(t.atRisk.cancellation)}`
      : null,
    late > t.atRisk.late ? `late shipment rate ${percent(late)} above ${percent(t.atRisk.late)}` : null,
    returns > t.atRisk.returns ? `return rate ${percent(returns)} above ${percent(t.atRisk.returns)}` : null,
    rated !== null && rated < t.atRisk.ratingBelow ? `rating ${rated} below ${t.atRisk.ratingBelow}` : null,
  ].filter((r): r is string => r !== null);
  if (risks.length > 0) return { tier: 'at_risk', tierReasons: risks };
  const misses = [
    cancellation > t.top.cancellation
      ? `cancellation rate ${percent(cancellation)} above ${percent(t.top.cancellation)}`
      : null,
    late > t.top.late ? `late shipment rate ${percent(late)} above ${percent(t.top.late)}` : null,
    returns > t.top.returns ? `return rate ${percent(returns)} above ${percent(t.top.returns)}` : null,
    rated === null
      ? `fewer than ${t.minRatings} ratings`
      : rated < t.top.ratingAtLeast
        ? `rating ${rated} below ${t.top.ratingAtLeast}`
        : null,
  ].filter((r): r is string => r !== null);
  if (misses.length === 0) return { tier: 'top', tierReasons: ['every top-seller bar is met'] };
  return { tier: 'standard', tierReasons: misses };
}

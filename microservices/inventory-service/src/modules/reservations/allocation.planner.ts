import { distanceKm, type GeoPoint } from './geo-distance.js';

/** A warehouse that could serve a line: its free units of the SKU and where it is. */
export interface StockCandidate {
  warehouseId: string;
  vendorId: string | null;
  available: number;
  latitude: number | null;
  longitude: number | null;
}

export interface PlannedAllocation {
  warehouseId: string;
  vendorId: string | null;
  quantity: number;
}

export type LinePlan =
  { kind: 'filled'; allocations: PlannedAllocation[] } | { kind: 'short'; available: number };

/**
 * Ranks candidates: nearest first when the destination is known (warehouses without coordinates
 * last), else most available first; ties by more units, then by id so the choice is stable.
 */
export function rankCandidates(
  candidates: readonly StockCandidate[],
  shipTo: GeoPoint | null,
): StockCandidate[] {
  const distance = (c: StockCandidate) =>
    shipTo && c.latitude !== null && c.longitude !== null
      ? distanceKm(shipTo, { latitude: c.latitude, longitude: c.longitude })
      : Number.POSITIVE_INFINITY;
  return [...candidates].sort(
    (a, b) =>
      (shipTo ? distance(a) - distance(b) : 0) ||
      b.available - a.available ||
      (a.warehouseId < b.warehouseId ? -1 : a.warehouseId > b.warehouseId ? 1 : 0),
  );
}

/**
 * Where one line's units come from: the best-ranked warehouse that can fill the whole line
 * alone (one shipment), else a split over the ranked warehouses, nearest first. `short` when
 * all of them together have too few. Candidates must already be the ones allowed to serve the
 * line (active, the line's vendor).
 */
export function planLine(
  candidates: readonly StockCandidate[],
  quantity: number,
  shipTo: GeoPoint | null,
): LinePlan {
  const ranked = rankCandidates(
    candidates.filter((c) => c.available > 0),
    shipTo,
  );
  const total = ranked.reduce((sum, c) => sum + c.available, 0);
  if (total < quantity) return { kind: 'short', available: total };
  const whole = ranked.find((c) => c.available >= quantity);
  if (whole) {
    return {
      kind: 'filled',
      allocations: [{ warehouseId: whole.warehouseId, vendorId: whole.vendorId, quantity }],
    };
  }
  const allocations: PlannedAllocation[] = [];
  let left = quantity;
  for (const c of ranked) {
    if (left === 0) break;
    const take = Math.min(left, c.available);
    allocations.push({ warehouseId: c.warehouseId, vendorId: c.vendorId, quantity: take });
    left -= take;
  }
  return { kind: 'filled', allocations };
}

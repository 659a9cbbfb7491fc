/** A point in WGS 84 degrees. */
export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export interface CandidateWarehouse {
  id: string;
  location: GeoPoint | null;
}

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The warehouse a parcel leaves from: the nearest to the customer that holds every line
 * (`units` = units physically there, the order's own reservation included), else the nearest
 * holding any line, else the nearest at all; warehouses without a location rank last, ties by
 * id so the choice is stable. Null when the vendor has none.
 */
export function selectWarehouse(
  warehouses: readonly CandidateWarehouse[],
  lines: readonly { sku: string; quantity: number }[],
  units: (warehouseId: string, sku: string) => number,
  destination: GeoPoint | null,
): string | null {
  const ranked = [...warehouses].sort((a, b) => {
    const da = a.location && destination ? distanceKm(a.location, destination) : Number.POSITIVE_INFINITY;
    const db = b.location && destination ? distanceKm(b.location, destination) : Number.POSITIVE_INFINITY;
    return da === db ? (a.id < b.id ? -1 : 1) : da - db;
  });
  const full = ranked.find((w) => lines.every((l) => units(w.id, l.sku) >= l.quantity));
  const some = ranked.find((w) => lines.some((l) => units(w.id, l.sku) > 0));
  return (full ?? some ?? ranked[0])?.id ?? null;
}

import { courierUnavailable } from './courier.errors.js';

/** A courier's answer, read whole. */
export interface CourierResponse {
  status: number;
  body: unknown;
}

/**
 * One JSON call to a courier with a bound on its duration. Network errors and timeouts become
 * `SHIPPING_COURIER_UNAVAILABLE`; every HTTP answer is returned for the adapter to judge
 * (couriers put errors in 200 bodies too).
 */
export async function courierFetch(
  courier: string,
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; json?: unknown; timeoutMs: number },
): Promise<CourierResponse> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method,
      headers: {
        accept: 'application/json',
        ...init.headers,
        ...(init.json === undefined ? {} : { 'content-type': 'application/json; charset=UTF-8' }),
      },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      signal: AbortSignal.timeout(init.timeoutMs),
    });
  } catch (err) {
    const timeout = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    throw courierUnavailable(courier, timeout ? `no answer within ${init.timeoutMs} ms` : 'unreachable');
  }
  let text: string;
  try {
    text = await res.text();
  } catch {
    throw courierUnavailable(courier, 'the answer was cut off');
  }
  let body: unknown = text;
  try {
    body = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    // Not JSON (an HTML error page from a proxy): the status decides.
  }
  if (res.status >= 500) throw courierUnavailable(courier, `HTTP ${res.status}`);
  return { status: res.status, body };
}

/** A field of a JSON object body, or undefined. */
export function field(body: unknown, key: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
}

/** Taka (a number or numeric string, at most 2 decimals) → minor units (paisa). */
export function takaToMinor(value: unknown): bigint | null {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return null;
  return BigInt(Math.round(n * 100));
}

/** Minor units → whole taka for couriers that take integers (rounded half up; COD is whole taka in practice). */
export function minorToTaka(minor: bigint): number {
  return Number((minor + 50n) / 100n);
}

/** `+8801XXXXXXXXX`, `8801…`, `01…` → the 11-digit local form couriers require. */
export function localPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 13 && digits.startsWith('880')) return digits.slice(2);
  return digits;
}

export function headerValue(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

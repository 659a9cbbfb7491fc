import { randomBytes } from 'node:crypto';

/** bKash's non-ISO timestamp, Bangladesh time: `2019-08-07T11:12:34:978 GMT+0600`. */
export function bkashTime(at: Date): string {
  const local = new Date(at.getTime() + 6 * 3_600_000).toISOString();
  return `${local.slice(0, 19)}:${local.slice(20, 23)} GMT+0600`;
}

/** The IPN's `yyyyMMddHHmmss`, Bangladesh time. */
export function bkashIpnTime(at: Date): string {
  return new Date(at.getTime() + 6 * 3_600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** A bKash-looking transaction id: ten upper-case letters and digits (`6H7801QFYM`). */
export function bkashTrxId(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  return Array.from(randomBytes(10), (b) => alphabet[b % alphabet.length]).join('');
}

/** Amount as bKash writes it back: two decimals. */
export function bkashAmount(value: number): string {
  return value.toFixed(2);
}

/** A positive amount string with at most two decimals, as a number of paisa; undefined when invalid. */
export function paisaOf(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{1,9}(\.\d{1,2})?$/.test(value)) return undefined;
  const [whole = '0', frac = ''] = value.split('.');
  const paisa = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return paisa > 0 ? paisa : undefined;
}

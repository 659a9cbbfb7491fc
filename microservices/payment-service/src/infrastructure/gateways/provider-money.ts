import { CurrencyCodeSchema, formatMajor, parseMajor } from '@haat/common';

/** `12550n` BDT → `"125.50"`: how bKash, SSLCommerz and PayPal write amounts. */
export function toMajor(amountMinor: bigint, currency: string): string {
  return formatMajor({ amountMinor, currency: CurrencyCodeSchema.parse(currency) });
}

/** A provider's decimal amount in minor units; undefined when it is not one. */
export function fromMajor(value: unknown, currency: string): bigint | undefined {
  const code = CurrencyCodeSchema.safeParse(currency);
  if (!code.success || (typeof value !== 'string' && typeof value !== 'number')) return undefined;
  try {
    return parseMajor(String(value), code.data).amountMinor;
  } catch {
    return undefined;
  }
}

/** First value of a header. */
export function headerValue(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

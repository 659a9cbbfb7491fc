import { z } from 'zod';

/** ISO 4217 minor-unit exponents for the currencies the platform prices in. */
export const CURRENCY_EXPONENTS = {
  BDT: 2,
  USD: 2,
  EUR: 2,
  GBP: 2,
  INR: 2,
  PKR: 2,
  AED: 2,
  SAR: 2,
  SGD: 2,
  MYR: 2,
  CAD: 2,
  AUD: 2,
  JPY: 0,
  KRW: 0,
  KWD: 3,
  BHD: 3,
  OMR: 3,
} as const;

export type CurrencyCode = keyof typeof CURRENCY_EXPONENTS;
export const CurrencyCodeSchema = z.enum(
  Object.keys(CURRENCY_EXPONENTS) as [CurrencyCode, ...CurrencyCode[]],
);

export function minorUnitExponent(currency: CurrencyCode): number {
  return CURRENCY_EXPONENTS[currency];
}

import { z } from 'zod';
import { ValidationError } from '../errors/app-error.js';
import { type CurrencyCode, CurrencyCodeSchema, minorUnitExponent } from './currency.js';

/** Money as integer minor units plus currency. Never a float. */
export interface Money {
  readonly amountMinor: bigint;
  readonly currency: CurrencyCode;
}

/** JSON form of money: minor units as a decimal string (bigint-safe) plus currency. */
export const MoneySchema = z.object({
  amountMinor: z
    .union([z.string().regex(/^-?\d{1,18}$/), z.number().int().safe()])
    .transform((v) => BigInt(v)),
  currency: CurrencyCodeSchema,
});
export type MoneyJson = { amountMinor: string; currency: CurrencyCode };

export function money(amountMinor: bigint | number, currency: CurrencyCode): Money {
  if (typeof amountMinor === 'number' && !Number.isSafeInteger(amountMinor)) {
    throw new ValidationError('MONEY_NOT_INTEGER', 'Money amounts are integer minor units', { amountMinor });
  }
  return { amountMinor: BigInt(amountMinor), currency };
}

export function toMoneyJson(m: Money): MoneyJson {
  return { amountMinor: m.amountMinor.toString(), currency: m.currency };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new ValidationError('MONEY_CURRENCY_MISMATCH', `Cannot combine ${a.currency} with ${b.currency}`, {
      left: a.currency,
      right: b.currency,
    });
  }
}

export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amountMinor: a.amountMinor + b.amountMinor, currency: a.currency };
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amountMinor: a.amountMinor - b.amountMinor, currency: a.currency };
}

/**
 * The platform's one rounding rule: half to even (banker's rounding) on integer division, so
 * repeated rounding of many lines does not drift in one direction.
 */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new ValidationError('MONEY_DIVIDE_BY_ZERO', 'Division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = n / d;
  const r = n % d;
  const twice = r * 2n;
  const roundUp = twice > d || (twice === d && q % 2n === 1n);
  const abs = roundUp ? q + 1n : q;
  return negative ? -abs : abs;
}

/** `amount × basisPoints / 10 000`, rounded half-even: percentages as basis points (12.5 % = 1250). */
export function percentOf(m: Money, basisPoints: number | bigint): Money {
  return { amountMinor: divideRounded(m.amountMinor * BigInt(basisPoints), 10_000n), currency: m.currency };
}

export function multiplyMoney(m: Money, quantity: number | bigint): Money {
  return { amountMinor: m.amountMinor * BigInt(quantity), currency: m.currency };
}

/**
 * Splits `m` into parts proportional to `weights` with no minor unit lost: remainders go to
 * the largest fractional parts first (largest remainder method).
 */
export function allocateMoney(m: Money, weights: readonly number[]): Money[] {
  if (weights.length === 0) return [];
  const w = weights.map((x) => BigInt(x));
  const total = w.reduce((a, b) => a + b, 0n);
  if (total <= 0n || w.some((x) => x < 0n)) {
    throw new ValidationError(
      'MONEY_BAD_WEIGHTS',
      'Allocation weights must be non-negative with a positive sum',
    );
  }
  const base = w.map((x) => (m.amountMinor * x) / total);
  const remainders = w.map((x, i) => ({ i, r: (m.amountMinor * x) % total }));
  let left = m.amountMinor - base.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.i - b.i));
  const step = left >= 0n ? 1n : -1n;
  for (const { i } of remainders) {
    if (left === 0n) break;
    base[i] = (base[i] ?? 0n) + step;
    left -= step;
  }
  return base.map((amountMinor) => ({ amountMinor, currency: m.currency }));
}

/** Parses a decimal string (`"1250.50"`) in major units into minor units, refusing excess precision. */
export function parseMajor(value: string, currency: CurrencyCode): Money {
  const exp = minorUnitExponent(currency);
  const match = /^(-)?(\d{1,16})(?:\.(\d+))?$/.exec(value.trim());
  if (!match) throw new ValidationError('MONEY_INVALID_AMOUNT', `Not an amount: ${value.slice(0, 40)}`);
  const [, sign, whole = '0', frac = ''] = match;
  if (frac.length > exp)
    throw new ValidationError('MONEY_TOO_PRECISE', `${currency} has ${exp} decimal places`);
  const minor = BigInt(whole + frac.padEnd(exp, '0'));
  return { amountMinor: sign ? -minor : minor, currency };
}

/** Formats minor units as a plain decimal string in major units (`125050n` BDT → `"1250.50"`). */
export function formatMajor(m: Money): string {
  const exp = minorUnitExponent(m.currency);
  const neg = m.amountMinor < 0n;
  const digits = (neg ? -m.amountMinor : m.amountMinor).toString().padStart(exp + 1, '0');
  const whole = exp === 0 ? digits : digits.slice(0, -exp);
  const frac = exp === 0 ? '' : `.${digits.slice(-exp)}`;
  return `${neg ? '-' : ''}${whole}${frac}`;
}

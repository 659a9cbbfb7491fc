import { z } from 'zod';

/**
 * Format rules of Bangladesh identifiers, in one place for the compliance checks (which record
 * a failed rule as the check's reason) and the request schemas (which answer 400 naming the field
 * and the rule). Each returns the normalized value or the rule it broke.
 */
export type RuleResult = { ok: true; value: string } | { ok: false; rule: string };

export const IDENTIFIER_RULES = {
  nid: 'NID must be 10, 13 or 17 digits',
  tin: 'TIN (e-TIN) must be 12 digits',
  bin: 'BIN (VAT registration) must be 13 digits',
  tradeLicence: 'trade licence number must be 5–40 letters, digits, "/" or "-" with at least 4 digits',
  mobile: 'must be a Bangladesh mobile number: 01[3-9] and 8 more digits (+880 allowed)',
  bankAccount: 'bank account number must be 8–20 digits',
  routing: 'routing number must be 9 digits',
} as const;

const BANGLA_DIGITS = /[\u09E6-\u09EF]/g;

/** Bangla digits (০–৯) to ASCII, spaces, dots and hyphens removed: how numbers are typed in. */
export function normalizeDigits(raw: string): string {
  return raw.replace(BANGLA_DIGITS, (d) => String(d.charCodeAt(0) - 0x09e6)).replace(/[\s.-]/g, '');
}

function digits(raw: string, lengths: readonly number[], rule: string): RuleResult {
  const value = normalizeDigits(raw);
  return /^\d+$/.test(value) && lengths.includes(value.length) ? { ok: true, value } : { ok: false, rule };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** National ID: 10 digits (smart card), 13 (old) or 17 (old, with the birth year in front). */
export const checkNid = (raw: string) => digits(raw, [10, 13, 17], IDENTIFIER_RULES.nid);
/** e-TIN: 12 digits. */
export const checkTin = (raw: string) => digits(raw, [12], IDENTIFIER_RULES.tin);
/** Business Identification Number under the VAT Act 2012: 13 digits (often written 9-4). */
export const checkBin = (raw: string) => digits(raw, [13], IDENTIFIER_RULES.bin);
/** A bank account number: 8–20 digits (banks differ in length). */
export const checkBankAccount = (raw: string) => digits(raw, range(8, 20), IDENTIFIER_RULES.bankAccount);
/** Bangladesh Bank routing number: 9 digits (bank, district, branch, check digit). */
export const checkRoutingNumber = (raw: string) => digits(raw, [9], IDENTIFIER_RULES.routing);

/**
 * A Bangladesh mobile number (also a bKash or Nagad wallet): `01[3-9]` and 8 more digits;
 * `+880`/`880` in front is accepted and normalized away (`+8801712345678` → `01712345678`).
 */
export function checkBdMobile(raw: string): RuleResult {
  let value = normalizeDigits(raw).replace(/[()]/g, '');
  if (value.startsWith('+880')) value = `0${value.slice(4)}`;
  else if (value.startsWith('880')) value = `0${value.slice(3)}`;
  return /^01[3-9]\d{8}$/.test(value) ? { ok: true, value } : { ok: false, rule: IDENTIFIER_RULES.mobile };
}

/**
 * A trade licence number as city corporations and pourashavas issue them (`TRAD/DNCC/012345/2023`,
 * `05-123456`): upper-cased, 5–40 letters, digits, `/` and `-`, with at least 4 digits.
 */
export function checkTradeLicence(raw: string): RuleResult {
  const value = raw
    .replace(BANGLA_DIGITS, (d) => String(d.charCodeAt(0) - 0x09e6))
    .trim()
    .toUpperCase();
  const ok = /^[A-Z0-9][A-Z0-9/-]{4,39}$/.test(value) && (value.match(/\d/g)?.length ?? 0) >= 4;
  return ok ? { ok: true, value } : { ok: false, rule: IDENTIFIER_RULES.tradeLicence };
}

/** A Zod string that must pass `check`; the output is the normalized value, the error the rule. */
export function identifierSchema(check: (raw: string) => RuleResult) {
  return z
    .string()
    .max(60)
    .transform((raw, ctx) => {
      const result = check(raw);
      if (result.ok) return result.value;
      ctx.addIssue({ code: 'custom', message: result.rule });
      return z.NEVER;
    });
}

import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';

/** Numbers without a country code are read as Bangladeshi. */
const DEFAULT_REGION = 'BD';

/**
 * A mobile number in E.164 (`+8801712345678`) from what people type (`01712-345678`,
 * `8801712345678`); undefined when it is not a valid number that can receive SMS.
 */
export function normalizePhone(input: string): string | undefined {
  const parsed = parsePhoneNumberFromString(input.trim(), DEFAULT_REGION);
  if (!parsed?.isValid()) return undefined;
  const type = parsed.getType();
  if (type !== undefined && type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return undefined;
  return parsed.number;
}

/** A mobile phone number, normalised to E.164. */
export const PhoneSchema = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const phone = normalizePhone(value);
    if (phone) return phone;
    ctx.addIssue({ code: 'custom', message: 'must be a mobile number like 01712345678 or +8801712345678' });
    return z.NEVER;
  });

/** An email address, trimmed and lower-cased. */
export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email('must be an email address'))
  .transform((e) => e.toLowerCase());

/** The normalised email address, or undefined when `input` is not one. */
export function normalizeEmail(input: string): string | undefined {
  const parsed = EmailSchema.safeParse(input);
  return parsed.success ? parsed.data : undefined;
}

import { z } from 'zod';
import { checkBdMobile } from '../../compliance/bd-identifiers.rules.js';

/** A person's or business's name as printed on documents. */
export const NameSchema = z.string().trim().min(2).max(160);

/**
 * A contact phone: a Bangladesh mobile (normalized to `01XXXXXXXXX`, `+880` accepted) or any
 * international number in E.164 (`+` and 8–15 digits).
 */
export const ContactPhoneSchema = z
  .string()
  .trim()
  .max(30)
  .transform((raw, ctx) => {
    const bd = checkBdMobile(raw);
    if (bd.ok) return bd.value;
    const compact = raw.replace(/[\s()-]/g, '');
    if (/^\+[1-9]\d{7,14}$/.test(compact) && !compact.startsWith('+880')) return compact;
    ctx.addIssue({ code: 'custom', message: `${bd.rule}, or an international number like +14155550100` });
    return z.NEVER;
  });

export const AddressSchema = z.strictObject({
  line1: z.string().trim().min(1).max(200),
  line2: z.string().trim().max(200).optional(),
  city: z.string().trim().min(1).max(100),
  district: z.string().trim().min(1).max(100),
  postcode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9 -]{3,10}$/, 'must be 3–10 letters or digits')
    .optional(),
  /** ISO 3166-1 alpha-2. */
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter country code')
    .default('BD'),
});

/** The store's address in the storefront: 3–60 lower-case letters, digits and inner hyphens. */
export const StoreSlugSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{1,58}[a-z0-9]$/,
    'must be 3–60 lower-case letters, digits and hyphens, starting and ending with a letter or digit',
  );

/** The marketplace's commercial tier of a vendor. */
export const TierSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and hyphens, starting with a letter');

/** A reason a person typed (rejection, suspension, …). */
export const ReasonSchema = z.string().trim().min(3).max(1000);

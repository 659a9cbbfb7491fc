import { z } from 'zod';

/** An email, trimmed and lower-cased (accounts are looked up by this form). */
export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((e) => e.toLowerCase());

/**
 * A phone number in E.164. Bangladeshi local forms are accepted and normalised
 * (`01712345678`, `8801712345678` → `+8801712345678`); other countries need `+`.
 */
export const PhoneSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s()-]/g, ''))
  .transform((v) => (/^01\d{9}$/.test(v) ? `+88${v}` : /^8801\d{9}$/.test(v) ? `+${v}` : v))
  .pipe(z.string().regex(/^\+[1-9]\d{7,14}$/, 'must be a phone number in international form (+8801…)'));

/** A password as typed: bounded so a huge body never reaches the hasher. */
export const PasswordInputSchema = z.string().min(1).max(1024);

export const DisplayNameSchema = z.string().trim().min(1).max(100);

/** A device the client names for itself (an id it keeps, a label the user recognises). */
export const DeviceSchema = z
  .object({
    id: z.string().min(8).max(200).optional(),
    name: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

/** `web`: the storefront, refresh token in an httpOnly cookie; `api`: apps, in the body. */
export const ClientKindSchema = z.enum(['web', 'api']).default('api');

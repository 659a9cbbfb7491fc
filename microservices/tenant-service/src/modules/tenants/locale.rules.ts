import { z } from 'zod';

/** A BCP 47 language tag, stored in its canonical form (`en-us` → `en-US`). */
export const LocaleSchema = z
  .string()
  .min(2)
  .max(35)
  .transform((tag, ctx) => {
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      if (canonical) return canonical;
    } catch {
      // Not a well-formed tag: reported below.
    }
    ctx.addIssue({ code: 'custom', message: 'must be a BCP 47 language tag like en or bn-BD' });
    return z.NEVER;
  });

/** The languages a storefront is offered in: distinct, at least one. */
export const LocalesSchema = z
  .array(LocaleSchema)
  .min(1)
  .max(20)
  .refine((l) => new Set(l).size === l.length, 'must not repeat a language');

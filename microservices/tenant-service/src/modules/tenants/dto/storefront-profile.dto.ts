import { z } from 'zod';
import type { Tenant } from './tenant.dto.js';

/** What anyone on a tenant's host may know about it: the storefront's shop profile. */
export const StorefrontProfileSchema = z.object({
  id: z.string().uuid(),
  slug: z.string(),
  name: z.string(),
  defaultCurrency: z.string().length(3),
  defaultLocale: z.string(),
  locales: z.array(z.string()),
});
export type StorefrontProfile = z.infer<typeof StorefrontProfileSchema>;

export function toStorefrontProfile(t: Tenant): StorefrontProfile {
  return {
    id: t.id,
    slug: t.slug,
    name: t.name,
    defaultCurrency: t.defaultCurrency,
    defaultLocale: t.defaultLocale,
    locales: t.locales,
  };
}

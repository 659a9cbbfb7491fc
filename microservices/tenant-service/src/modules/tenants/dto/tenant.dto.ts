import { IdSchema, pageSchema } from '@haat/common';
import { z } from 'zod';
import { TENANT_STATUSES, type TenantRow } from '../tenants.schema.js';

/** A tenant as the operator API shows it. */
export const TenantSchema = z.object({
  id: z.string().uuid(),
  slug: z.string(),
  name: z.string(),
  status: z.enum(TENANT_STATUSES),
  planCode: z.string(),
  defaultCurrency: z.string().length(3),
  defaultLocale: z.string(),
  locales: z.array(z.string()),
  suspensionReason: z.string().nullable(),
  suspendedAt: z.string().datetime().nullable(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
});
export type Tenant = z.infer<typeof TenantSchema>;
export const TenantPageSchema = pageSchema(TenantSchema);

export const TenantIdParamsSchema = z.strictObject({ id: IdSchema });

export function toTenant(row: TenantRow): Tenant {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    status: row.status,
    planCode: row.planCode,
    defaultCurrency: row.defaultCurrency,
    defaultLocale: row.defaultLocale,
    locales: row.locales,
    suspensionReason: row.suspensionReason,
    suspendedAt: row.suspendedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

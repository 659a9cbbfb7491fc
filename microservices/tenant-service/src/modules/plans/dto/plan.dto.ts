import { PlanLimitsSchema, PlanRateLimitsSchema } from '@haat/contracts';
import { pageSchema } from '@haat/common';
import { z } from 'zod';
import type { PlanRow } from '../plans.schema.js';

/** A plan's code: its identity, referenced by tenants and events. */
export const PlanCodeSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{1,39}$/,
    'must be 2–40 lower-case letters, digits and hyphens, starting with a letter',
  );

/** A plan as the operator API and resolution show it; a null limit means unlimited. */
export const PlanSchema = z.object({
  code: z.string(),
  name: z.string(),
  limits: PlanLimitsSchema,
  rateLimits: PlanRateLimitsSchema,
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
});
export type Plan = z.infer<typeof PlanSchema>;
export const PlanPageSchema = pageSchema(PlanSchema);

export const PlanCodeParamsSchema = z.strictObject({ code: PlanCodeSchema });

export function toPlan(row: PlanRow): Plan {
  return {
    code: row.code,
    name: row.name,
    limits: {
      products: row.maxProducts,
      vendors: row.maxVendors,
      staff: row.maxStaff,
      ordersPerMonth: row.maxOrdersPerMonth,
    },
    rateLimits: { tenantRequestsPerMinute: row.tenantRequestsPerMinute },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

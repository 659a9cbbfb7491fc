import { PlanLimitsSchema } from '@haat/contracts';
import { z } from 'zod';

/** `PATCH /v1/platform/plans/:code`: the name, some limits, or the rate limit. */
export const UpdatePlanSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(80).optional(),
    limits: PlanLimitsSchema.partial().strict().optional(),
    rateLimits: z
      .strictObject({ tenantRequestsPerMinute: z.number().int().positive().max(1_000_000) })
      .optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'must change at least one field');
export type UpdatePlanInput = z.output<typeof UpdatePlanSchema>;

import { PlanLimitsSchema, PlanRateLimitsSchema } from '@haat/contracts';
import { z } from 'zod';
import { PlanCodeSchema } from './plan.dto.js';

/** `POST /v1/platform/plans`: every limit is required; null means unlimited. */
export const CreatePlanSchema = z.strictObject({
  code: PlanCodeSchema,
  name: z.string().trim().min(1).max(80),
  limits: PlanLimitsSchema.strict(),
  rateLimits: PlanRateLimitsSchema.extend({
    tenantRequestsPerMinute: z.number().int().positive().max(1_000_000),
  }).strict(),
});
export type CreatePlanInput = z.output<typeof CreatePlanSchema>;

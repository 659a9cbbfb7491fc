import { PlanLimitsSchema } from '@haat/contracts';
import { z } from 'zod';

/** What a plan limits: `products`, `vendors`, `staff`, `ordersPerMonth`. */
export const LimitResourceSchema = PlanLimitsSchema.keyof();
export type LimitResource = z.infer<typeof LimitResourceSchema>;

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** `POST /v1/limits/check`: the caller owns the count and says what it has and wants to add. */
export const CheckLimitSchema = z.strictObject({
  resource: LimitResourceSchema,
  current: count,
  adding: count.min(1),
});
export type CheckLimitInput = z.output<typeof CheckLimitSchema>;

/** Always 200: `allowed: false` is an answer, and the caller decides what to refuse. */
export const LimitDecisionSchema = z.object({
  allowed: z.boolean(),
  limit: z.number().int().nullable(),
  remaining: z.number().int().nullable(),
});

import { PageQuerySchema, pageSchema } from '@haat/common';
import { z } from 'zod';
import type { TenantFeatureRow } from '../features.schema.js';

/** A feature's key: lower-case words joined by hyphens or dots (`reviews`, `checkout.cod`). */
export const FeatureKeySchema = z
  .string()
  .max(64)
  .regex(/^[a-z][a-z0-9]*(?:[-.][a-z0-9]+)*$/, 'must be lower-case words joined by hyphens or dots');

export const FeatureParamsSchema = z.strictObject({ feature: FeatureKeySchema });

/** `PUT /v1/tenant/features/:feature`. */
export const SetFeatureSchema = z.strictObject({ enabled: z.boolean() });
export type SetFeatureInput = z.output<typeof SetFeatureSchema>;

/** `GET /v1/tenant/features?limit=&cursor=`. */
export const ListFeaturesQuerySchema = PageQuerySchema.strict();
export type ListFeaturesQuery = z.output<typeof ListFeaturesQuerySchema>;

/** A toggle; a feature never set is off, with `updatedAt` null. */
export const FeatureSchema = z.object({
  feature: z.string(),
  enabled: z.boolean(),
  updatedAt: z.string().datetime().nullable(),
});
export type Feature = z.infer<typeof FeatureSchema>;
export const FeaturePageSchema = pageSchema(FeatureSchema);

export function toFeature(row: TenantFeatureRow): Feature {
  return { feature: row.feature, enabled: row.enabled, updatedAt: row.updatedAt.toISOString() };
}

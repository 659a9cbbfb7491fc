import { CurrencyCodeSchema } from '@haat/common';
import { ShippingZoneSchema } from '@haat/contracts';
import { z } from 'zod';

const minor = z.string().regex(/^\d{1,15}$/, 'must be integer minor units as a string');

/** `PUT /v1/shipping/rates/:zone`: sets the tenant's (or a vendor's) price for a zone. */
export const SaveRateRuleSchema = z.strictObject({
  vendorId: z.string().uuid().nullable().default(null),
  currency: CurrencyCodeSchema,
  slabs: z
    .array(z.strictObject({ maxGrams: z.number().int().positive().max(1_000_000), feeMinor: minor }))
    .min(1)
    .max(20)
    .superRefine((slabs, ctx) => {
      const seen = new Set<number>();
      slabs.forEach((s, i) => {
        if (seen.has(s.maxGrams))
          ctx.addIssue({ code: 'custom', path: [i, 'maxGrams'], message: 'appears twice' });
        seen.add(s.maxGrams);
      });
    }),
  extraPerKgMinor: minor.nullable().default(null),
  codFeeBps: z.number().int().min(0).max(10_000).default(0),
  codFeeMinMinor: minor.default('0'),
  freeShippingThresholdMinor: minor.nullable().default(null),
  useCourierPricePlan: z.boolean().default(false),
});
export type SaveRateRule = z.output<typeof SaveRateRuleSchema>;

export const ZoneParamsSchema = z.strictObject({ zone: ShippingZoneSchema });
export const RateIdParamsSchema = z.strictObject({ id: z.string().uuid() });
export const ListRatesQuerySchema = z.strictObject({ vendorId: z.string().uuid().optional() });

export const RateRuleViewSchema = z.object({
  id: z.string().uuid(),
  vendorId: z.string().uuid().nullable(),
  zone: ShippingZoneSchema,
  currency: z.string(),
  slabs: z.array(z.object({ maxGrams: z.number(), feeMinor: z.string() })),
  extraPerKgMinor: z.string().nullable(),
  codFeeBps: z.number(),
  codFeeMinMinor: z.string(),
  freeShippingThresholdMinor: z.string().nullable(),
  useCourierPricePlan: z.boolean(),
  updatedAt: z.string().datetime(),
});
export type RateRuleView = z.infer<typeof RateRuleViewSchema>;

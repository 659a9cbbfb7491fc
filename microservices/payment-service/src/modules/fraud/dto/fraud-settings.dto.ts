import { z } from 'zod';

const minor = z.string().regex(/^\d{1,18}$/, 'must be integer minor units as a string');

/** Amount thresholds of one currency, in minor units. */
export const AmountThresholdSchema = z
  .object({ reviewMinor: minor, highMinor: minor })
  .strict()
  .refine((t) => BigInt(t.reviewMinor) <= BigInt(t.highMinor), {
    message: 'reviewMinor must not exceed highMinor',
    path: ['highMinor'],
  });

/**
 * A tenant's fraud settings. Scores run 0–100: at `reviewScore` a payment is held for staff, at
 * `denyScore` it is refused.
 */
export const FraudSettingsSchema = z
  .object({
    reviewScore: z.number().int().min(1).max(100).default(50),
    denyScore: z.number().int().min(1).max(100).default(80),
    amountThresholds: z.record(z.string().regex(/^[A-Z]{3}$/), AmountThresholdSchema).default({
      BDT: { reviewMinor: '5000000', highMinor: '20000000' },
      USD: { reviewMinor: '50000', highMinor: '200000' },
    }),
    velocity: z
      .object({
        windowMinutes: z.number().int().min(1).max(1440).default(60),
        perCustomer: z.number().int().min(1).max(1000).default(3),
        perDevice: z.number().int().min(1).max(1000).default(3),
        perIp: z.number().int().min(1).max(1000).default(5),
        perPhone: z.number().int().min(1).max(1000).default(3),
      })
      .strict()
      .default({ windowMinutes: 60, perCustomer: 3, perDevice: 3, perIp: 5, perPhone: 3 }),
    /** Failed payments of the same customer or phone within 24 hours that raise the score. */
    recentFailures: z.number().int().min(1).max(100).default(3),
    /** Distinct customers using one phone within 30 days that raise the score. */
    customersPerPhone: z.number().int().min(2).max(100).default(3),
  })
  .strict()
  .refine((s) => s.reviewScore < s.denyScore, {
    message: 'reviewScore must be below denyScore',
    path: ['reviewScore'],
  });

export type FraudSettings = z.output<typeof FraudSettingsSchema>;

/** The settings of a tenant that never changed them. */
export const DEFAULT_FRAUD_SETTINGS: FraudSettings = FraudSettingsSchema.parse({});

import { z } from 'zod';
import { PaymentMethodSchema } from '@haat/contracts';

export const ProviderParamsSchema = z.object({ provider: PaymentMethodSchema });

/** `PUT /v1/payments/providers/:provider`: the shop's credentials (checked per provider). */
export const PutAccountSchema = z
  .object({
    /** Sandbox until the shop goes live. */
    mode: z.enum(['sandbox', 'live']).default('sandbox'),
    enabled: z.boolean().default(true),
    credentials: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();
export type PutAccountInput = z.output<typeof PutAccountSchema>;

/** An account as the API shows it: never a secret. */
export const AccountViewSchema = z.object({
  provider: PaymentMethodSchema,
  mode: z.enum(['sandbox', 'live']),
  enabled: z.boolean(),
  /** Which credential fields are stored (values never leave the service). */
  configuredFields: z.array(z.string()),
  /** Where to point the provider's webhooks / IPN, on this shop's host. */
  webhookPath: z.string(),
  updatedAt: z.string(),
});
export type AccountView = z.infer<typeof AccountViewSchema>;

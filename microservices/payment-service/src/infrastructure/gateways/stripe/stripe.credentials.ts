import { z } from 'zod';

/** A tenant's Stripe secret key and webhook endpoint secret(s). */
export const StripeCredentialsSchema = z
  .object({
    secretKey: z
      .string()
      .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]{8,}$/, 'must be a Stripe secret or restricted key'),
    webhookSecret: z
      .string()
      .regex(/^whsec_[A-Za-z0-9+/=]{8,}$/, 'must be a webhook signing secret (whsec_…)'),
    /** Secrets being rolled: still accepted on incoming webhooks. */
    previousWebhookSecrets: z
      .array(z.string().regex(/^whsec_[A-Za-z0-9+/=]{8,}$/))
      .max(5)
      .default([]),
  })
  .strict();
export type StripeCredentials = z.infer<typeof StripeCredentialsSchema>;

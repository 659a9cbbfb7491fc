import { z } from 'zod';

/** A tenant's PayPal REST app and the id of its webhook listener. */
export const PaypalCredentialsSchema = z
  .object({
    clientId: z.string().min(1).max(200),
    clientSecret: z.string().min(1).max(200),
    /** The id PayPal gave the webhook listener (part of what its signature covers). */
    webhookId: z.string().min(1).max(100),
  })
  .strict();
export type PaypalCredentials = z.infer<typeof PaypalCredentialsSchema>;

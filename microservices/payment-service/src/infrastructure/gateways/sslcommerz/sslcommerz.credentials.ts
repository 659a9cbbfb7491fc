import { z } from 'zod';

/** A tenant's SSLCommerz store id and API password (not the merchant-panel login). */
export const SslcommerzCredentialsSchema = z
  .object({
    storeId: z.string().min(1).max(30),
    storePassword: z.string().min(1).max(100),
  })
  .strict();
export type SslcommerzCredentials = z.infer<typeof SslcommerzCredentialsSchema>;

import { z } from 'zod';

/** A tenant's bKash Tokenized Checkout merchant credentials. */
export const BkashCredentialsSchema = z
  .object({
    username: z.string().min(1).max(200),
    password: z.string().min(1).max(200),
    appKey: z.string().min(1).max(200),
    appSecret: z.string().min(1).max(500),
  })
  .strict();
export type BkashCredentials = z.infer<typeof BkashCredentialsSchema>;

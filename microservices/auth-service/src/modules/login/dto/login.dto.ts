import { z } from 'zod';
import { ClientKindSchema, DeviceSchema, PasswordInputSchema } from '../../accounts/dto/identifiers.js';

/** Sign in with a password: `identifier` is the account's email or phone number. */
export const PasswordLoginSchema = z
  .object({
    identifier: z.string().trim().min(3).max(254),
    password: PasswordInputSchema,
    client: ClientKindSchema,
    device: DeviceSchema.optional(),
  })
  .strict();
export type PasswordLoginInput = z.infer<typeof PasswordLoginSchema>;

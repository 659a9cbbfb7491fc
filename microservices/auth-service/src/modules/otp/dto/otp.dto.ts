import { z } from 'zod';
import { ClientKindSchema, DeviceSchema } from '../../accounts/dto/identifiers.js';

/** Ask for a sign-in code by SMS (`destination` a phone number) or email. */
export const RequestOtpSchema = z
  .object({
    channel: z.enum(['sms', 'email']),
    destination: z.string().trim().min(3).max(254),
  })
  .strict();
export type RequestOtpInput = z.infer<typeof RequestOtpSchema>;

export const OtpRequestedSchema = z.object({
  challengeId: z.string().uuid(),
  channel: z.enum(['sms', 'email']),
  expiresAt: z.string(),
});

export const VerifyOtpSchema = z
  .object({
    challengeId: z.string().uuid(),
    code: z
      .string()
      .trim()
      .regex(/^\d{4,8}$/, 'must be the digits of the code'),
    client: ClientKindSchema,
    device: DeviceSchema.optional(),
  })
  .strict();
export type VerifyOtpInput = z.infer<typeof VerifyOtpSchema>;

import { z } from 'zod';
import { AccountSchema } from '../../accounts/dto/account.dto.js';

/** What a sign-in or refresh answers. `refreshToken` only for `client: "api"` (web: in the cookie). */
export const SignedInSchema = z.object({
  tokenType: z.literal('Bearer'),
  accessToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
  refreshToken: z.string().optional(),
  refreshTokenExpiresAt: z.string(),
  sessionId: z.string().uuid(),
  account: AccountSchema.optional(),
});
export type SignedInBody = z.infer<typeof SignedInSchema>;

export const RefreshSchema = z
  .object({ refreshToken: z.string().max(200).optional(), client: z.enum(['web', 'api']).optional() })
  .strict();

export const SessionSchema = z.object({
  id: z.string().uuid(),
  client: z.enum(['web', 'api']),
  method: z.enum(['password', 'otp', 'google', 'facebook']),
  deviceName: z.string().nullable(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
});

export const RevokeOthersSchema = z.object({ keepSessionId: z.string().uuid() }).strict();
export const SessionIdParamsSchema = z.object({ id: z.string().uuid() });

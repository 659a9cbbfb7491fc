import { z } from 'zod';

/**
 * Internal REST on auth-service: `GET /internal/v1/auth/revocations?since=<ISO time>` (signed,
 * platform scope, `session:introspect`): sessions revoked since then whose access tokens may
 * still be alive. The gateway fills its revocation cache from it at start-up, then keeps it
 * current from `auth.session-revoked.v1`.
 */
export const SESSION_REVOCATIONS_PATH = '/internal/v1/auth/revocations';

export const SessionRevocationsQuerySchema = z.object({
  since: z.string().datetime({ offset: true }),
});

export const SessionRevocationSchema = z.object({
  sessionId: z.string().uuid(),
  revokedAt: z.string().datetime({ offset: true }),
  accessTokensValidUntil: z.string().datetime({ offset: true }),
});

export const SessionRevocationsResponseSchema = z.object({
  items: z.array(SessionRevocationSchema),
});
export type SessionRevocationsResponse = z.infer<typeof SessionRevocationsResponseSchema>;

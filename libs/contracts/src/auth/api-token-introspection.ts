import { z } from 'zod';

/**
 * Internal REST on auth-service: `POST /internal/v1/auth/api-tokens/introspect` (signed,
 * platform scope, needs `api-token:introspect`, which the platform's own `system` identity has).
 */
export const API_TOKEN_INTROSPECT_PATH = '/internal/v1/auth/api-tokens/introspect';

/** Every API token starts with this, so the gateway can tell it from a JWT without parsing. */
export const API_TOKEN_PREFIX = 'haat_';

export const IntrospectApiTokenRequestSchema = z.object({ token: z.string().min(1).max(512) }).strict();
export type IntrospectApiTokenRequest = z.infer<typeof IntrospectApiTokenRequestSchema>;

/**
 * `active: false` for anything unknown, malformed, expired or revoked (no reason given).
 * Active: forward `accountId` as the user, `permissions` (the token's scopes) and `roles`
 * (`api_token`); refuse it on any host whose tenant is not `tenantId`.
 */
export const IntrospectApiTokenResponseSchema = z.discriminatedUnion('active', [
  z.object({ active: z.literal(false) }),
  z.object({
    active: z.literal(true),
    tokenId: z.string().uuid(),
    tenantId: z.string().uuid().nullable(),
    accountId: z.string().uuid(),
    roles: z.array(z.string()),
    permissions: z.array(z.string()),
    vendors: z.array(z.string().uuid()),
    expiresAt: z.string().datetime({ offset: true }),
    /** How long the answer may be cached, seconds (revocation also arrives as an event). */
    cacheSeconds: z.number().int().nonnegative(),
  }),
]);
export type IntrospectApiTokenResponse = z.infer<typeof IntrospectApiTokenResponseSchema>;

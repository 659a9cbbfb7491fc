import { z } from 'zod';

/** Where auth-service serves its public signing keys (JWKS, RFC 7517), on the service itself. */
export const AUTH_JWKS_PATH = '/v1/auth/.well-known/jwks.json';

/** The JOSE `typ` of access tokens (RFC 9068): refuse any other JWT presented as one. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

/** Signature algorithms auth-service signs access tokens with. */
export const ACCESS_TOKEN_ALGORITHMS = ['EdDSA'] as const;

/**
 * The claims of an access token. The gateway verifies the signature against the JWKS (by
 * `kid`), `iss`, `aud`, `exp` and `typ`, refuses a token whose `tenant` is not the tenant of
 * the host it arrived on (operators carry `tenant: null`), refuses revoked sessions, then
 * forwards `sub`, `roles` and `permissions` in the signed internal headers.
 */
export const AccessTokenClaimsSchema = z.object({
  iss: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
  /** The account id. */
  sub: z.string().uuid(),
  iat: z.number().int(),
  exp: z.number().int(),
  jti: z.string(),
  /** The account's tenant; null for a platform (operator) account. */
  tenant: z.string().uuid().nullable(),
  /** The session the token belongs to: refuse it once `auth.session-revoked.v1` names it. */
  session: z.string().uuid(),
  /** Role names: built-in (`customer`, `vendor_staff`, …) and the tenant's custom roles. */
  roles: z.array(z.string()),
  /** The permissions those roles grant (`resource:action`, `resource:*`, `*`). */
  permissions: z.array(z.string()),
  /** Vendors the account acts for (roles scoped `vendor:<id>`); empty for everyone else. */
  vendors: z.array(z.string().uuid()),
  /** How the session signed in (`pwd`, `otp`, `google`, `facebook`). */
  amr: z.array(z.string()),
});
export type AccessTokenClaims = z.infer<typeof AccessTokenClaimsSchema>;

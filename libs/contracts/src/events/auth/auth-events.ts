import { z } from 'zod';
import { defineEvent } from '../define-event.js';

/**
 * Events of auth-service. Accounts of a tenant announce with the envelope's `tenantId`;
 * operators (platform accounts) announce with `tenantId: null`.
 */

const accountId = z.string().uuid();
const sessionId = z.string().uuid();
const isoTime = z.string().datetime({ offset: true });

/** How a person proved who they are. */
export const SignInMethodSchema = z.enum(['password', 'otp', 'google', 'facebook']);
export type SignInMethod = z.infer<typeof SignInMethodSchema>;

/** A new account: a registration, a first OTP or social sign-in, or staff created by an admin. */
export const AuthAccountRegisteredV1 = defineEvent(
  'auth.account-registered.v1',
  z.object({
    accountId,
    email: z.string().email().nullable(),
    phone: z.string().nullable(),
    displayName: z.string().nullable(),
    roles: z.array(z.string()),
    method: z.enum(['password', 'otp', 'google', 'facebook', 'invitation', 'seed']),
  }),
);

/** Send `token` to `email` as a verification link (notification-service). */
export const AuthEmailVerificationRequestedV1 = defineEvent(
  'auth.email-verification-requested.v1',
  z.object({ accountId, email: z.string().email(), token: z.string(), expiresAt: isoTime }),
);

export const AuthEmailVerifiedV1 = defineEvent(
  'auth.email-verified.v1',
  z.object({ accountId, email: z.string().email() }),
);

/**
 * Send `token` to `email` as a password link: `forgot` (reset requested) or `invitation`
 * (staff created without a password: set one).
 */
export const AuthPasswordResetRequestedV1 = defineEvent(
  'auth.password-reset-requested.v1',
  z.object({
    accountId,
    email: z.string().email(),
    token: z.string(),
    expiresAt: isoTime,
    reason: z.enum(['forgot', 'invitation']),
  }),
);

export const AuthPasswordChangedV1 = defineEvent(
  'auth.password-changed.v1',
  z.object({ accountId, via: z.enum(['change', 'reset']) }),
);

/**
 * Deliver the one-time `code` to `destination` by `channel` (notification-service; a log line
 * in embedded mode). The code is only in this event, never stored in clear by auth-service.
 */
export const AuthOtpRequestedV1 = defineEvent(
  'auth.otp-requested.v1',
  z.object({
    challengeId: z.string().uuid(),
    channel: z.enum(['sms', 'email']),
    destination: z.string(),
    code: z.string().regex(/^\d{4,8}$/),
    purpose: z.enum(['sign-in']),
    expiresAt: isoTime,
  }),
);

/**
 * A session ended before its refresh token expired: its access tokens (which carry
 * `session`) must be refused until `accessTokensValidUntil`, after which none is left.
 */
export const AuthSessionRevokedV1 = defineEvent(
  'auth.session-revoked.v1',
  z.object({
    sessionId,
    accountId,
    reason: z.enum([
      'sign-out',
      'revoked-by-user',
      'revoked-other-sessions',
      'refresh-token-reuse',
      'password-changed',
      'password-reset',
      'account-secured',
    ]),
    revokedAt: isoTime,
    accessTokensValidUntil: isoTime,
  }),
);

/** A sign-in from a device the account never used before: tell the owner. */
export const AuthNewDeviceSignedInV1 = defineEvent(
  'auth.new-device-signed-in.v1',
  z.object({
    accountId,
    sessionId,
    method: SignInMethodSchema,
    deviceName: z.string().nullable(),
    userAgent: z.string().nullable(),
    ip: z.string().nullable(),
    signedInAt: isoTime,
  }),
);

/** Too many failed attempts on an account: it is throttled until `lockedUntil`; tell the owner. */
export const AuthAccountLockedV1 = defineEvent(
  'auth.account-locked.v1',
  z.object({
    accountId,
    reason: z.enum(['password', 'otp', 'password-reset']),
    failures: z.number().int().positive(),
    lockedUntil: isoTime,
    ip: z.string().nullable(),
  }),
);

/** The roles of an account changed (audit; tokens pick the change up at their next refresh). */
export const AuthAccountRolesChangedV1 = defineEvent(
  'auth.account-roles-changed.v1',
  z.object({
    accountId,
    grants: z.array(z.object({ role: z.string(), scope: z.string() })),
    changedBy: z.string().nullable(),
  }),
);

/** An API token was revoked: refuse it at once (gateway introspection cache). */
export const AuthApiTokenRevokedV1 = defineEvent(
  'auth.api-token-revoked.v1',
  z.object({ tokenId: z.string().uuid(), revokedAt: isoTime }),
);

/** A new signing key signs from now on; `previousKid` keeps verifying until its tokens expire. */
export const AuthSigningKeyRotatedV1 = defineEvent(
  'auth.signing-key-rotated.v1',
  z.object({ kid: z.string(), previousKid: z.string().nullable(), rotatedAt: isoTime }),
);

import { UnauthorizedError, UnavailableError } from '@haat/common';

export const SOCIAL_PROVIDERS = ['google', 'facebook'] as const;
export type SocialProviderName = (typeof SOCIAL_PROVIDERS)[number];

/** Who the provider says signed in. Accounts are keyed on `subject`, never on the email. */
export interface SocialProfile {
  subject: string;
  email: string | null;
  /** Only a provider-verified email may link to an existing account. */
  emailVerified: boolean;
  name: string | null;
}

export interface AuthorizationRequest {
  redirectUri: string;
  state: string;
  nonce: string;
  codeChallenge: string;
}

export interface CodeExchange {
  code: string;
  redirectUri: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The `iss` the provider put on the redirect (RFC 9207), when it does. */
  issuer?: string | undefined;
}

/** One identity provider: where to send the browser, and how to turn a code into a profile. */
export interface SocialProvider {
  readonly name: SocialProviderName;
  authorizationUrl(request: AuthorizationRequest): Promise<string>;
  /** Throws `socialCodeRejected`, `socialTokenInvalid` or `socialUnavailable`. */
  exchange(exchange: CodeExchange): Promise<SocialProfile>;
}

export const SOCIAL_ERRORS = {
  providerDisabled: 'AUTH_SOCIAL_PROVIDER_DISABLED',
  redirectUriNotAllowed: 'AUTH_SOCIAL_REDIRECT_URI_NOT_ALLOWED',
  stateInvalid: 'AUTH_SOCIAL_STATE_INVALID',
  codeRejected: 'AUTH_SOCIAL_CODE_REJECTED',
  tokenInvalid: 'AUTH_SOCIAL_TOKEN_INVALID',
  unavailable: 'AUTH_SOCIAL_PROVIDER_UNAVAILABLE',
  emailUnverified: 'AUTH_SOCIAL_EMAIL_UNVERIFIED',
} as const;

export function socialCodeRejected(provider: string, detail?: string): UnauthorizedError {
  return new UnauthorizedError(
    SOCIAL_ERRORS.codeRejected,
    `${provider} refused the sign-in code (used or expired)`,
    {
      provider,
      ...(detail ? { providerError: detail.slice(0, 100) } : {}),
    },
  );
}

export function socialTokenInvalid(provider: string): UnauthorizedError {
  return new UnauthorizedError(
    SOCIAL_ERRORS.tokenInvalid,
    `${provider} answered with a token that does not check out`,
    {
      provider,
    },
  );
}

export function socialUnavailable(provider: string): UnavailableError {
  return new UnavailableError(SOCIAL_ERRORS.unavailable, `${provider} cannot be reached; try again`, {
    provider,
    retryAfterMs: 5_000,
  });
}

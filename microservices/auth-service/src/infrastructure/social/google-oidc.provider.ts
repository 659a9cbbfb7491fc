import * as oidc from 'openid-client';
import {
  type AuthorizationRequest,
  type CodeExchange,
  type SocialProfile,
  type SocialProvider,
  socialCodeRejected,
  socialTokenInvalid,
  socialUnavailable,
} from './social-provider.js';

export interface GoogleOidcOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  allowHttp: boolean;
  timeoutMs: number;
}

/**
 * Google Sign-In with OpenID Connect through `openid-client`: endpoints from the issuer's
 * discovery document, authorization code with PKCE (S256), and the id_token checked for
 * signature (JWKS by `kid`), `iss`, `aud`, `exp`, `nonce` and `state`.
 */
export class GoogleOidcProvider implements SocialProvider {
  readonly name = 'google' as const;
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(private readonly options: GoogleOidcOptions) {}

  async authorizationUrl(r: AuthorizationRequest): Promise<string> {
    const config = await this.config();
    return oidc
      .buildAuthorizationUrl(config, {
        redirect_uri: r.redirectUri,
        response_type: 'code',
        scope: 'openid email profile',
        state: r.state,
        nonce: r.nonce,
        code_challenge: r.codeChallenge,
        code_challenge_method: 'S256',
      })
      .toString();
  }

  async exchange(x: CodeExchange): Promise<SocialProfile> {
    const config = await this.config();
    const callback = new URL(x.redirectUri);
    callback.searchParams.set('code', x.code);
    callback.searchParams.set('state', x.state);
    // RFC 9207: providers that name themselves in the response (mix-up defence) are checked on it.
    if (x.issuer) callback.searchParams.set('iss', x.issuer);
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: x.codeVerifier,
        expectedState: x.state,
        expectedNonce: x.nonce,
        idTokenExpected: true,
      });
    } catch (err) {
      throw this.mapError(err);
    }
    const claims = tokens.claims();
    if (!claims || typeof claims.sub !== 'string') throw socialTokenInvalid(this.name);
    return {
      subject: claims.sub,
      email: typeof claims.email === 'string' ? claims.email.toLowerCase() : null,
      emailVerified: claims.email_verified === true,
      name: typeof claims.name === 'string' ? claims.name.slice(0, 100) : null,
    };
  }

  /** Discovery once per process; a failed discovery is retried on the next sign-in. */
  private config(): Promise<oidc.Configuration> {
    this.configuration ??= oidc
      .discovery(
        new URL(this.options.issuer),
        this.options.clientId,
        undefined,
        oidc.ClientSecretPost(this.options.clientSecret),
        {
          timeout: Math.ceil(this.options.timeoutMs / 1000),
          ...(this.options.allowHttp ? { execute: [oidc.allowInsecureRequests] } : {}),
        },
      )
      .then((config) => {
        config.timeout = Math.ceil(this.options.timeoutMs / 1000);
        return config;
      })
      .catch((err: unknown) => {
        this.configuration = undefined;
        throw err instanceof TypeError || isTimeout(err) ? socialUnavailable(this.name) : err;
      });
    return this.configuration;
  }

  private mapError(err: unknown): Error {
    if (err instanceof oidc.ResponseBodyError) {
      return err.status >= 500 ? socialUnavailable(this.name) : socialCodeRejected(this.name, err.error);
    }
    if (err instanceof TypeError || isTimeout(err)) return socialUnavailable(this.name);
    return socialTokenInvalid(this.name);
  }
}

function isTimeout(err: unknown): boolean {
  return err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
}

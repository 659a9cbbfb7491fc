import { createHmac } from 'node:crypto';
import { z } from 'zod';
import {
  type AuthorizationRequest,
  type CodeExchange,
  type SocialProfile,
  type SocialProvider,
  socialCodeRejected,
  socialTokenInvalid,
  socialUnavailable,
} from './social-provider.js';

export interface FacebookOptions {
  appId: string;
  appSecret: string;
  /** `https://www.facebook.com/v25.0/dialog/oauth` */
  dialogUrl: string;
  /** `https://graph.facebook.com/v25.0` */
  graphUrl: string;
  timeoutMs: number;
}

const TokenResponse = z.object({ access_token: z.string().min(1) });
const MeResponse = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  email: z.string().optional(),
});
const ErrorEnvelope = z.object({
  error: z.object({ message: z.string().optional(), code: z.number().optional() }),
});

/**
 * Facebook Login: the manual code flow with PKCE, the code exchanged at
 * `GET {graph}/oauth/access_token`, the profile read from `GET {graph}/me` with
 * `appsecret_proof` (HMAC-SHA256 of the user token under the app secret). Facebook gives no
 * "email verified" flag, so its email never links to an existing account.
 */
export class FacebookProvider implements SocialProvider {
  readonly name = 'facebook' as const;

  constructor(private readonly options: FacebookOptions) {}

  async authorizationUrl(r: AuthorizationRequest): Promise<string> {
    const url = new URL(this.options.dialogUrl);
    url.search = new URLSearchParams({
      client_id: this.options.appId,
      redirect_uri: r.redirectUri,
      state: r.state,
      response_type: 'code',
      scope: 'email,public_profile',
      code_challenge: r.codeChallenge,
      code_challenge_method: 'S256',
    }).toString();
    return url.toString();
  }

  async exchange(x: CodeExchange): Promise<SocialProfile> {
    const tokenUrl = new URL(`${this.options.graphUrl}/oauth/access_token`);
    tokenUrl.search = new URLSearchParams({
      client_id: this.options.appId,
      redirect_uri: x.redirectUri,
      client_secret: this.options.appSecret,
      code: x.code,
      code_verifier: x.codeVerifier,
    }).toString();
    const token = await this.get(tokenUrl, TokenResponse, 'code');
    const meUrl = new URL(`${this.options.graphUrl}/me`);
    meUrl.search = new URLSearchParams({
      fields: 'id,name,email',
      access_token: token.access_token,
      appsecret_proof: appSecretProof(this.options.appSecret, token.access_token),
    }).toString();
    const me = await this.get(meUrl, MeResponse, 'token');
    return {
      subject: me.id,
      email: me.email ? me.email.toLowerCase() : null,
      emailVerified: false,
      name: me.name?.slice(0, 100) ?? null,
    };
  }

  private async get<S extends z.ZodType>(url: URL, schema: S, stage: 'code' | 'token'): Promise<z.output<S>> {
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(this.options.timeoutMs) });
    } catch {
      throw socialUnavailable(this.name);
    }
    if (res.status >= 500) throw socialUnavailable(this.name);
    const body: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const envelope = ErrorEnvelope.safeParse(body);
      const detail = envelope.success ? envelope.data.error.message : undefined;
      throw stage === 'code' ? socialCodeRejected(this.name, detail) : socialTokenInvalid(this.name);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw socialTokenInvalid(this.name);
    return parsed.data;
  }
}

/** `appsecret_proof`: hex HMAC-SHA256 of the access token keyed by the app secret. */
export function appSecretProof(appSecret: string, accessToken: string): string {
  return createHmac('sha256', appSecret).update(accessToken).digest('hex');
}

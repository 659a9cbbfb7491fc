import { randomBytes } from 'node:crypto';
import { type FakeRequest, type FakeResponse, header, jsonBody } from '../../payments/fake-http.server.js';
import type { PathaoMerchant } from './fake-pathao.state.js';

type Body = Record<string, unknown>;
const unauthenticated: FakeResponse = { status: 401, body: { message: 'Unauthenticated.' } };
const invalid = (errors: Record<string, string[]>): FakeResponse => ({
  status: 422,
  body: { message: 'Please fix the given errors', type: 'error', code: 422, errors },
});

/**
 * Pathao's token endpoints as the fake serves them: `issue-token` with the password and refresh
 * grants, `external/login` with client credentials; access tokens expire after `ttlSeconds`
 * (or at once with `expireAll`), a refresh token is single-use and invalidates nothing else.
 */
export class FakePathaoAuth {
  private readonly tokens = new Map<string, { clientId: string; expiresAt: number }>();
  private readonly refreshTokens = new Map<string, string>();

  constructor(
    private readonly merchantById: (clientId: string) => PathaoMerchant | undefined,
    private readonly ttlSeconds: number,
  ) {}

  /** Makes every access token issued so far expire now. */
  expireAll(): void {
    for (const t of this.tokens.values()) t.expiresAt = 0;
  }

  merchantOf(req: FakeRequest): PathaoMerchant | undefined {
    const auth = header(req, 'authorization') ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(auth)?.[1];
    const t = token ? this.tokens.get(token) : undefined;
    if (!t || t.expiresAt <= Date.now()) return undefined;
    req.credential = t.clientId;
    return this.merchantById(t.clientId);
  }

  private grant(clientId: string): FakeResponse {
    const ttl = this.ttlSeconds;
    const access = randomBytes(24).toString('hex');
    const refresh = randomBytes(24).toString('hex');
    this.tokens.set(access, { clientId, expiresAt: Date.now() + ttl * 1000 });
    this.refreshTokens.set(refresh, clientId);
    return {
      status: 200,
      body: { token_type: 'Bearer', expires_in: ttl, access_token: access, refresh_token: refresh },
    };
  }

  issueToken(req: FakeRequest): FakeResponse {
    const b = (jsonBody(req) ?? {}) as Body;
    const m = this.merchantById(String(b.client_id));
    if (!m || b.client_secret !== m.clientSecret) {
      return { status: 401, body: { message: 'Client authentication failed', type: 'error', code: 401 } };
    }
    if (b.grant_type === 'password') {
      if (b.username !== m.username || b.password !== m.password) {
        return {
          status: 400,
          body: { message: 'The user credentials were incorrect.', type: 'error', code: 400 },
        };
      }
      return this.grant(m.clientId);
    }
    if (b.grant_type === 'refresh_token') {
      const owner = typeof b.refresh_token === 'string' ? this.refreshTokens.get(b.refresh_token) : undefined;
      if (owner !== m.clientId) {
        return { status: 401, body: { message: 'The refresh token is invalid.', type: 'error', code: 401 } };
      }
      this.refreshTokens.delete(String(b.refresh_token));
      return this.grant(m.clientId);
    }
    return invalid({ grant_type: ['The selected grant type is invalid.'] });
  }

  externalLogin(req: FakeRequest): FakeResponse {
    const b = (jsonBody(req) ?? {}) as Body;
    const m = this.merchantById(String(b.client_id));
    if (!m || b.client_secret !== m.clientSecret) return unauthenticated;
    return this.grant(m.clientId);
  }
}

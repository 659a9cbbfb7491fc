import { type CourierResponse, courierFetch, field } from '../courier-http.js';
import type { PathaoAccount } from '../courier-account.js';
import { courierAuthFailed, courierRejected, courierUnavailable } from '../courier.errors.js';
import { type PathaoToken, PathaoTokenCache } from './pathao-token.cache.js';

const PREFIX = '/aladdin/api/v1';
/** Renew a little before Pathao says the token expires. */
const EXPIRY_MARGIN_MS = 60_000;

/**
 * Pathao's merchant API for one account: issues a token with the password grant, refreshes it
 * with the refresh grant (falling back to a new login), and on a 401 renews once and retries.
 */
export class PathaoClient {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
    private readonly tokens: PathaoTokenCache,
    private readonly now: () => number = Date.now,
  ) {}

  /** An authenticated call; the body is Pathao's envelope (`data` inside). */
  async call(
    account: PathaoAccount,
    method: 'GET' | 'POST',
    path: string,
    json?: unknown,
  ): Promise<CourierResponse> {
    let token = await this.token(account);
    let res = await this.send(method, path, token.accessToken, json);
    if (res.status === 401) {
      this.tokens.expire(account.id);
      token = await this.token(account);
      res = await this.send(method, path, token.accessToken, json);
      if (res.status === 401) throw courierAuthFailed('pathao');
    }
    return res;
  }

  /** `data` of a successful call; 422 → `SHIPPING_COURIER_REJECTED` naming Pathao's fields. */
  async data(account: PathaoAccount, method: 'GET' | 'POST', path: string, json?: unknown): Promise<unknown> {
    const res = await this.call(account, method, path, json);
    if (res.status >= 200 && res.status < 300) return field(res.body, 'data');
    const message = String(field(res.body, 'message') ?? `HTTP ${res.status}`);
    const errors = field(res.body, 'errors');
    throw courierRejected(
      'pathao',
      message,
      typeof errors === 'object' && errors !== null ? (errors as Record<string, unknown>) : {},
    );
  }

  private async token(account: PathaoAccount): Promise<PathaoToken> {
    const cached = this.tokens.get(account.id);
    if (cached && cached.expiresAt - EXPIRY_MARGIN_MS > this.now()) return cached;
    return this.tokens.renew(account.id, async () => {
      if (cached?.refreshToken) {
        const refreshed = await this.issue(account, {
          grant_type: 'refresh_token',
          refresh_token: cached.refreshToken,
        });
        if (refreshed) return refreshed;
      }
      const issued = await this.issue(account, {
        grant_type: 'password',
        username: account.credentials.username,
        password: account.credentials.password,
      });
      if (!issued) throw courierAuthFailed('pathao');
      return issued;
    });
  }

  /** `POST issue-token`; undefined when Pathao refuses the grant. */
  private async issue(
    account: PathaoAccount,
    grant: Record<string, string>,
  ): Promise<PathaoToken | undefined> {
    const res = await courierFetch('pathao', `${this.baseUrl}${PREFIX}/issue-token`, {
      method: 'POST',
      headers: {},
      json: {
        client_id: account.credentials.clientId,
        client_secret: account.credentials.clientSecret,
        ...grant,
      },
      timeoutMs: this.timeoutMs,
    });
    if (res.status >= 400) return undefined;
    const access = field(res.body, 'access_token');
    const expiresIn = Number(field(res.body, 'expires_in'));
    if (typeof access !== 'string' || !Number.isFinite(expiresIn))
      throw courierUnavailable('pathao', 'a token answer without a token');
    const refresh = field(res.body, 'refresh_token');
    return {
      accessToken: access,
      refreshToken: typeof refresh === 'string' ? refresh : null,
      expiresAt: this.now() + expiresIn * 1000,
    };
  }

  private send(
    method: 'GET' | 'POST',
    path: string,
    accessToken: string,
    json?: unknown,
  ): Promise<CourierResponse> {
    return courierFetch('pathao', `${this.baseUrl}${PREFIX}/${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}` },
      json,
      timeoutMs: this.timeoutMs,
    });
  }
}

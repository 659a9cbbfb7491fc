import { createHash } from 'node:crypto';
import type { GatewayAccount } from '../payment-gateway.js';
import type { ProviderEndpoints } from '../provider-endpoints.js';
import { credentialsRejected, providerUnavailable } from '../gateway.errors.js';
import type { ProviderAnswer, ProviderHttp } from '../provider-http.js';
import { TokenCache } from '../token.cache.js';
import type { BkashCredentials } from './bkash.credentials.js';

interface BkashToken {
  idToken: string;
  refreshToken: string;
}

/** bKash's business success: `statusCode === "0000"`; HTTP 200 alone means nothing. */
export function bkashSucceeded(answer: ProviderAnswer): boolean {
  return answer.status === 200 && answer.body?.statusCode === '0000';
}

/** The failure code of an answer, whichever of bKash's envelopes it used. */
export function bkashCode(answer: ProviderAnswer): string {
  const b = answer.body ?? {};
  const code = b.statusCode ?? b.errorCode ?? b.externalCode;
  if (typeof code === 'string') return code;
  return answer.status === 200 ? 'UNKNOWN' : `HTTP_${answer.status}`;
}

/** The failure message of an answer. */
export function bkashMessage(answer: ProviderAnswer): string {
  const b = answer.body ?? {};
  const message = b.statusMessage ?? b.errorMessage ?? b.errorMessageEn ?? b.message;
  return typeof message === 'string' ? message : `bKash answered HTTP ${answer.status}`;
}

/**
 * Calls the tokenized API with a cached id_token per tenant and merchant (grant, then refresh
 * near expiry: bKash blocks merchants that refresh too often), re-granting once on a 401.
 */
export class BkashClient {
  private readonly tokens = new TokenCache<BkashToken>();

  constructor(
    private readonly http: ProviderHttp,
    private readonly endpoints: ProviderEndpoints,
  ) {}

  private origin(account: GatewayAccount<BkashCredentials>): string {
    return this.endpoints.bkash[account.mode];
  }

  private tokenKey(account: GatewayAccount<BkashCredentials>): string {
    const c = account.credentials;
    const fingerprint = createHash('sha256')
      .update(`${c.username}\0${c.appKey}\0${c.appSecret}\0${c.password}`)
      .digest('hex');
    return `${account.tenantId}|${account.mode}|${fingerprint}`;
  }

  private checkout(path: string): string {
    return `/${this.endpoints.bkash.version}/tokenized/checkout/${path}`;
  }

  private async requestToken(account: GatewayAccount<BkashCredentials>, previous: BkashToken | undefined) {
    const c = account.credentials;
    const client = this.http.client('bkash', this.origin(account));
    const headers = { username: c.username, password: c.password, accept: 'application/json' };
    let answer: ProviderAnswer | undefined;
    if (previous) {
      answer = await this.http.send('bkash', client, {
        method: 'POST',
        path: this.checkout('token/refresh'),
        headers,
        json: { app_key: c.appKey, app_secret: c.appSecret, refresh_token: previous.refreshToken },
      });
    }
    if (!answer || !bkashSucceeded(answer)) {
      answer = await this.http.send('bkash', client, {
        method: 'POST',
        path: this.checkout('token/grant'),
        headers,
        json: { app_key: c.appKey, app_secret: c.appSecret },
      });
    }
    const b = answer.body ?? {};
    if (!bkashSucceeded(answer) || typeof b.id_token !== 'string') {
      if (answer.status === 401 || answer.status === 200) throw credentialsRejected('bkash');
      throw providerUnavailable('bkash', `token grant answered HTTP ${answer.status}`);
    }
    const ttlSeconds = typeof b.expires_in === 'number' ? b.expires_in : Number(b.expires_in ?? 3600);
    return {
      value: {
        idToken: b.id_token,
        refreshToken: typeof b.refresh_token === 'string' ? b.refresh_token : '',
      },
      // Renew five minutes early (bKash advises 50–55 minutes into the hour).
      ttlMs: Math.max(30, ttlSeconds - 300) * 1000,
    };
  }

  /** POSTs `body` to a tokenized-checkout path (`create`, `execute`, …) or, with `v2`, a refund v2 path. */
  async post(
    account: GatewayAccount<BkashCredentials>,
    path: string,
    body: Record<string, unknown>,
    options: { v2?: boolean } = {},
  ): Promise<ProviderAnswer> {
    const key = this.tokenKey(account);
    const client = this.http.client('bkash', this.origin(account));
    const target = options.v2 ? `/v2/tokenized-checkout/${path}` : this.checkout(path);
    for (let attempt = 0; ; attempt++) {
      const token = await this.tokens.get(key, (previous) => this.requestToken(account, previous));
      const answer = await this.http.send('bkash', client, {
        method: 'POST',
        path: target,
        headers: {
          authorization: token.idToken,
          'x-app-key': account.credentials.appKey,
          accept: 'application/json',
        },
        json: body,
      });
      if (answer.status !== 401 || attempt > 0) return answer;
      this.tokens.invalidate(key);
    }
  }
}

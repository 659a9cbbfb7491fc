import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FACEBOOK_APP = { id: '1234567890', secret: 'fb-app-secret-for-tests' };

interface PendingCode {
  userId: string;
  redirectUri: string;
  codeChallenge: string;
  used: boolean;
}

export interface FakeFacebookUser {
  id: string;
  name: string;
  email?: string;
}

/**
 * A local server speaking Facebook's Graph endpoints as the social-login reference describes:
 * `GET /oauth/access_token` (code + PKCE verifier, single-use codes), `GET /me` with `fields`
 * and enforced `appsecret_proof`, and the `{ error: { type: "OAuthException", code } }` envelope.
 */
export class FakeFacebook {
  url = '';
  private server: Server | undefined;
  private readonly codes = new Map<string, PendingCode>();
  private readonly tokens = new Map<string, string>();
  private readonly users = new Map<string, FakeFacebookUser>();

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const oauthError = (message: string, code = 100) =>
        send(400, { error: { message, type: 'OAuthException', code, fbtrace_id: 'trace' } });
      const q = url.searchParams;
      if (req.method === 'GET' && url.pathname === '/v25.0/oauth/access_token') {
        if (q.get('client_id') !== FACEBOOK_APP.id || q.get('client_secret') !== FACEBOOK_APP.secret) {
          return oauthError('Error validating client secret.', 1);
        }
        const pending = this.codes.get(q.get('code') ?? '');
        if (!pending || pending.used) return oauthError('This authorization code has been used.', 100);
        pending.used = true;
        if (pending.redirectUri !== q.get('redirect_uri')) return oauthError('redirect_uri mismatch', 100);
        const challenge = createHash('sha256')
          .update(q.get('code_verifier') ?? '')
          .digest('base64url');
        if (challenge !== pending.codeChallenge) return oauthError('Invalid code verifier', 100);
        const token = `EAA${randomBytes(16).toString('hex')}`;
        this.tokens.set(token, pending.userId);
        return send(200, { access_token: token, token_type: 'bearer', expires_in: 5_183_944 });
      }
      if (req.method === 'GET' && url.pathname === '/v25.0/me') {
        const token = q.get('access_token') ?? '';
        const userId = this.tokens.get(token);
        if (!userId) return oauthError('Invalid OAuth access token.', 190);
        const proof = createHmac('sha256', FACEBOOK_APP.secret).update(token).digest('hex');
        if (q.get('appsecret_proof') !== proof)
          return oauthError('Invalid appsecret_proof provided in the API argument', 100);
        const user = this.users.get(userId) as FakeFacebookUser;
        const fields = (q.get('fields') ?? 'id,name').split(',');
        const body: Record<string, string> = {};
        for (const f of fields) {
          const v = user[f as keyof FakeFacebookUser];
          if (v !== undefined) body[f] = v;
        }
        return send(200, body);
      }
      send(404, { error: { message: 'Unknown path', type: 'OAuthException', code: 803 } });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** What the login dialog does when `user` approves: a code for the redirect URI and challenge in `authorizationUrl`. */
  approve(authorizationUrl: string, user: FakeFacebookUser): { code: string; state: string } {
    const q = new URL(authorizationUrl).searchParams;
    this.users.set(user.id, user);
    const code = randomBytes(12).toString('hex');
    this.codes.set(code, {
      userId: user.id,
      redirectUri: q.get('redirect_uri') ?? '',
      codeChallenge: q.get('code_challenge') ?? '',
      used: false,
    });
    return { code, state: q.get('state') ?? '' };
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

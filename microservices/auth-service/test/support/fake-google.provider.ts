import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface FakeGoogleUser {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
}

export const GOOGLE_CLIENT = { id: 'haat-test-client', secret: 'haat-test-client-secret' };

/**
 * A local OpenID provider standing in for Google (the `oidc-provider` package): discovery,
 * authorize with PKCE required, single-use codes, JWKS-signed id_tokens. Interactions are
 * answered by the test knob `approveAs` instead of a login page.
 */
export class FakeGoogle {
  approveAs: FakeGoogleUser | undefined;
  private server: Server | undefined;
  private readonly users = new Map<string, FakeGoogleUser>();
  issuer = '';

  async start(redirectUri: string): Promise<this> {
    this.server = createServer();
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const port = (this.server.address() as AddressInfo).port;
    this.issuer = `http://127.0.0.1:${port}`;
    const provider = new Provider(this.issuer, {
      clients: [
        {
          client_id: GOOGLE_CLIENT.id,
          client_secret: GOOGLE_CLIENT.secret,
          redirect_uris: [redirectUri],
          token_endpoint_auth_method: 'client_secret_post',
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      pkce: { required: () => true, methods: ['S256'] },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      conformIdTokenClaims: false,
      features: { devInteractions: { enabled: false } },
      cookies: { keys: ['fake-google-cookie-key'] },
      findAccount: (_ctx, sub) => {
        const user = this.users.get(sub);
        return user ? { accountId: sub, claims: () => ({ ...user }) } : undefined;
      },
    });
    const callback = provider.callback();
    this.server.on('request', (req, res) => {
      if (!req.url?.startsWith('/interaction/')) {
        callback(req, res);
        return;
      }
      void (async () => {
        const details = await provider.interactionDetails(req, res);
        const user = this.approveAs;
        if (!user) {
          await provider.interactionFinished(
            req,
            res,
            { error: 'access_denied' },
            { mergeWithLastSubmission: false },
          );
          return;
        }
        this.users.set(user.sub, user);
        if (details.prompt.name === 'login') {
          await provider.interactionFinished(
            req,
            res,
            { login: { accountId: user.sub } },
            { mergeWithLastSubmission: false },
          );
          return;
        }
        const grant = new provider.Grant({ accountId: user.sub, clientId: String(details.params.client_id) });
        grant.addOIDCScope('openid email profile');
        const grantId = await grant.save();
        await provider.interactionFinished(
          req,
          res,
          { consent: { grantId } },
          { mergeWithLastSubmission: true },
        );
      })().catch(() => {
        res.statusCode = 500;
        res.end();
      });
    });
    return this;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

/**
 * The browser's part: follow the provider's redirects (keeping its cookies) until it sends the
 * browser back to `redirectUri`; answers the `code` and `state` it carried.
 */
export async function browseToCallback(authorizationUrl: string, redirectUri: string) {
  const jar = new Map<string, string>();
  let url = new URL(authorizationUrl);
  for (let hop = 0; hop < 12; hop++) {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair && eq > 0) jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const location = res.headers.get('location');
    if (!location)
      throw new Error(`provider stopped at ${url.toString()} with ${res.status}: ${await res.text()}`);
    const next = new URL(location, url);
    if (next.toString().startsWith(redirectUri)) {
      const error = next.searchParams.get('error');
      if (error) throw new Error(`provider answered ${error}: ${next.searchParams.get('error_description')}`);
      return {
        code: next.searchParams.get('code'),
        state: next.searchParams.get('state'),
        iss: next.searchParams.get('iss') ?? undefined,
      };
    }
    url = next;
  }
  throw new Error('too many redirects');
}

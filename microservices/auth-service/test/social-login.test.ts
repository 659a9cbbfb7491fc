import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, registerAndLogin, type SignedInJson } from './support/accounts.fixture.js';
import {
  claimsOf,
  type ErrorJson,
  type Harness,
  startHarness,
  visitor,
} from './support/auth-service.harness.js';
import { FACEBOOK_APP, FakeFacebook } from './support/fake-facebook.server.js';
import { browseToCallback, FakeGoogle, GOOGLE_CLIENT } from './support/fake-google.provider.js';

const REDIRECT = 'http://shop.test/auth/callback';
const tenant = newId();
let h: Harness;
let google: FakeGoogle;
let facebook: FakeFacebook;

beforeAll(async () => {
  google = await new FakeGoogle().start(REDIRECT);
  facebook = await new FakeFacebook().start();
  h = await startHarness({
    AUTH_SOCIAL_REDIRECT_URIS: REDIRECT,
    AUTH_SOCIAL_ALLOW_HTTP: 'true',
    AUTH_GOOGLE_ISSUER: google.issuer,
    AUTH_GOOGLE_CLIENT_ID: GOOGLE_CLIENT.id,
    AUTH_GOOGLE_CLIENT_SECRET: GOOGLE_CLIENT.secret,
    AUTH_FACEBOOK_APP_ID: FACEBOOK_APP.id,
    AUTH_FACEBOOK_APP_SECRET: FACEBOOK_APP.secret,
    AUTH_FACEBOOK_DIALOG_URL: `${facebook.url}/v25.0/dialog/oauth`,
    AUTH_FACEBOOK_GRAPH_URL: `${facebook.url}/v25.0`,
  });
});
afterAll(async () => {
  await h?.close();
  await google?.close();
  await facebook?.close();
});

const authorize = (provider: 'google' | 'facebook') =>
  h.call<{ authorizationUrl: string; state: string }>('POST', `/v1/auth/social/${provider}/authorize`, {
    as: visitor(tenant),
    body: {},
  });

const callback = (
  provider: 'google' | 'facebook',
  body: { state: string | null; code: string | null; iss?: string | undefined },
) =>
  h.call<SignedInJson & ErrorJson>('POST', `/v1/auth/social/${provider}/callback`, {
    as: visitor(tenant),
    body,
  });

const googleUser = (email: string, verified = true) => ({
  sub: `g-${newId()}`,
  email,
  email_verified: verified,
  name: 'Nusrat Jahan',
});

describe('Google sign-in (OpenID Connect, PKCE, state, nonce)', () => {
  it('signs in end to end, creating a verified customer, and the same Google account again later', async () => {
    const address = `nusrat.${newId().slice(-8)}@gmail.test`;
    google.approveAs = googleUser(address);
    const start = await authorize('google');
    expect(start.status, start.text).toBe(200);
    const url = new URL(start.json.authorizationUrl);
    expect(url.origin).toBe(google.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('nonce')).toBeTruthy();
    const back = await browseToCallback(start.json.authorizationUrl, REDIRECT);
    expect(back.state).toBe(start.json.state);
    const done = await callback('google', back);
    expect(done.status, done.text).toBe(200);
    expect(done.json.account).toMatchObject({
      email: address,
      emailVerified: true,
      grants: [{ role: 'customer' }],
    });
    expect(claimsOf(done.json.accessToken)).toMatchObject({ tenant, amr: ['google'] });

    const again = await authorize('google');
    const back2 = await browseToCallback(again.json.authorizationUrl, REDIRECT);
    const second = await callback('google', back2);
    expect(second.json.account.id).toBe(done.json.account.id);
  });

  it('refuses a state it did not issue, and the provider’s answer to another sign-in', async () => {
    google.approveAs = googleUser(`x.${newId().slice(-8)}@gmail.test`);
    const start = await authorize('google');
    const back = await browseToCallback(start.json.authorizationUrl, REDIRECT);
    const forged = await callback('google', { state: 'forged-state-value', code: back.code });
    expect(forged.status).toBe(401);
    expect(forged.json.error.code).toBe('AUTH_SOCIAL_STATE_INVALID');
    // The genuine state still works once.
    expect((await callback('google', back)).status).toBe(200);
  });

  it('refuses a replayed code: with its used state, and pasted into a fresh sign-in', async () => {
    google.approveAs = googleUser(`y.${newId().slice(-8)}@gmail.test`);
    const start = await authorize('google');
    const back = await browseToCallback(start.json.authorizationUrl, REDIRECT);
    expect((await callback('google', back)).status).toBe(200);
    const replay = await callback('google', back);
    expect(replay.status).toBe(401);
    expect(replay.json.error.code).toBe('AUTH_SOCIAL_STATE_INVALID');
    const fresh = await authorize('google');
    const injected = await callback('google', { state: fresh.json.state, code: back.code, iss: back.iss });
    expect(injected.status).toBe(401);
    expect(injected.json.error.code).toBe('AUTH_SOCIAL_CODE_REJECTED');
  });

  it('links to an existing account through a verified email, securing an account that never proved it', async () => {
    const existing = await registerAndLogin(h, tenant);
    const address = existing.account.email as string;
    google.approveAs = googleUser(address, true);
    const start = await authorize('google');
    const done = await callback('google', await browseToCallback(start.json.authorizationUrl, REDIRECT));
    expect(done.status, done.text).toBe(200);
    expect(done.json.account.id).toBe(existing.account.id);
    // The unproven registration could have been someone else's: its password and sessions are gone.
    const refresh = await h.call('POST', '/v1/auth/refresh', {
      as: visitor(tenant),
      body: { refreshToken: existing.refreshToken },
    });
    expect(refresh.status).toBe(401);
    const pw = await h.call('POST', '/v1/auth/login', {
      as: visitor(tenant),
      body: { identifier: address, password: PASSWORD },
    });
    expect(pw.status).toBe(401);
  });

  it('does not link through an unverified email', async () => {
    const existing = await registerAndLogin(h, tenant);
    google.approveAs = googleUser(existing.account.email as string, false);
    const start = await authorize('google');
    const done = await callback('google', await browseToCallback(start.json.authorizationUrl, REDIRECT));
    expect(done.status).toBe(409);
    expect(done.json.error.code).toBe('AUTH_SOCIAL_EMAIL_UNVERIFIED');
  });

  it('refuses a redirect URI that is not registered', async () => {
    const res = await h.call<ErrorJson>('POST', '/v1/auth/social/google/authorize', {
      as: visitor(tenant),
      body: { redirectUri: 'https://evil.test/steal' },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('AUTH_SOCIAL_REDIRECT_URI_NOT_ALLOWED');
  });
});

describe('Facebook sign-in (OAuth 2 + Graph /me, PKCE, state)', () => {
  it('signs in end to end with appsecret_proof, without an email', async () => {
    const start = await authorize('facebook');
    expect(start.status, start.text).toBe(200);
    const url = new URL(start.json.authorizationUrl);
    expect(url.searchParams.get('client_id')).toBe(FACEBOOK_APP.id);
    const approved = facebook.approve(start.json.authorizationUrl, {
      id: `fb-${newId()}`,
      name: 'Karim Uddin',
    });
    const done = await callback('facebook', approved);
    expect(done.status, done.text).toBe(200);
    expect(done.json.account).toMatchObject({ email: null, displayName: 'Karim Uddin' });
    expect(claimsOf(done.json.accessToken).amr).toEqual(['facebook']);
  });

  it('never links a Facebook email to an existing account (Facebook does not say it is verified)', async () => {
    const existing = await registerAndLogin(h, tenant);
    const start = await authorize('facebook');
    const approved = facebook.approve(start.json.authorizationUrl, {
      id: `fb-${newId()}`,
      name: 'Someone',
      email: existing.account.email as string,
    });
    const done = await callback('facebook', approved);
    expect(done.status).toBe(409);
    expect(done.json.error.code).toBe('AUTH_SOCIAL_EMAIL_UNVERIFIED');
  });

  it('refuses a wrong state and a replayed code', async () => {
    const start = await authorize('facebook');
    const approved = facebook.approve(start.json.authorizationUrl, { id: `fb-${newId()}`, name: 'A' });
    expect((await callback('facebook', { ...approved, state: 'not-the-state' })).json.error.code).toBe(
      'AUTH_SOCIAL_STATE_INVALID',
    );
    expect((await callback('facebook', approved)).status).toBe(200);
    const fresh = await authorize('facebook');
    const replay = await callback('facebook', { state: fresh.json.state, code: approved.code });
    expect(replay.status).toBe(401);
    expect(replay.json.error.code).toBe('AUTH_SOCIAL_CODE_REJECTED');
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_EMAILS,
  DEMO_VENDOR_IDS,
  type AuthPlatform,
  refreshCookie,
  send,
  signIn,
  startAuthPlatform,
} from './support/auth-platform.js';
import { errorOf } from './support/gateway.harness.js';

let p: AuthPlatform;

beforeAll(async () => {
  p = await startAuthPlatform();
});
afterAll(async () => {
  await p?.close();
});

function lastEcho() {
  const last = p.echo.received.at(-1);
  if (!last) throw new Error('the service received nothing');
  return last;
}

describe('signing in through the gateway (real auth-service)', () => {
  it('registers and signs in on a shop’s host, then calls a protected route with the access token', async () => {
    const email = `shopper-${randomUUID()}@example.com`;
    const registered = await send(p, 'POST', '/api/v1/auth/register', {
      body: { email, password: 'mango-river-lantern-42' },
    });
    expect(registered.status, registered.text).toBe(201);

    const session = await signIn(p, email, { password: 'mango-river-lantern-42' });
    const me = await send(p, 'GET', '/api/v1/auth/me', { token: session.accessToken });
    expect(me.status, me.text).toBe(200);
    expect(me.json()).toMatchObject({ email, grants: [{ role: 'customer', scope: 'tenant' }] });

    const anonymous = await send(p, 'GET', '/api/v1/auth/me');
    expect([anonymous.status, errorOf(anonymous).code]).toEqual([401, 'AUTH_REQUIRED']);
  });

  it('gives the storefront its refresh cookie and refreshes with it', async () => {
    const web = await signIn(p, DEMO_EMAILS.customer, { client: 'web' });
    expect(web.refreshToken).toBeUndefined();
    const setCookie = web.cookies.find((c) => c.startsWith('haat_rt='));
    expect(setCookie).toMatch(/Path=\/api\/v1\/auth/);
    expect(setCookie).toMatch(/HttpOnly/);

    const refreshed = await send(p, 'POST', '/api/v1/auth/refresh', {
      headers: { cookie: refreshCookie(web.cookies) },
      body: {},
    });
    expect(refreshed.status, refreshed.text).toBe(200);
    const body = refreshed.json<{ accessToken: string; sessionId: string }>();
    expect(body.sessionId).toBe(web.sessionId);
    expect(body.accessToken).not.toBe(web.accessToken);
    expect(String(refreshed.headers['set-cookie'])).toMatch(/^haat_rt=/);
    expect((await send(p, 'GET', '/api/v1/auth/me', { token: body.accessToken })).status).toBe(200);
  });

  it('passes the client’s address to auth-service as the first X-Forwarded-For entry', async () => {
    const session = await signIn(p, DEMO_EMAILS.customer, {
      headers: { 'x-forwarded-for': '203.0.113.77', 'user-agent': 'gateway-test/1' },
    });
    const sessions = await send(p, 'GET', '/api/v1/auth/sessions', { token: session.accessToken });
    const mine = sessions
      .json<{ items: { id: string; ip: string | null }[] }>()
      .items.find((s) => s.id === session.sessionId);
    expect(mine?.ip).toBe('203.0.113.77');
  });

  it('signs the token’s user, roles, permissions, vendor ids and session for the service', async () => {
    const staff = await signIn(p, DEMO_EMAILS.vendor1Staff);
    const res = await send(p, 'GET', '/api/v1/notifications/deliveries', {
      token: staff.accessToken,
      headers: {
        'x-haat-vendor-ids': DEMO_VENDOR_IDS[1],
        'x-haat-session-id': randomUUID(),
        'x-haat-user-id': randomUUID(),
      },
    });
    expect(res.status, res.text).toBe(200);
    const seen = lastEcho();
    expect(seen.url).toBe('/v1/notifications/deliveries');
    expect(seen.context).toMatchObject({
      tenantId: p.demo.tenantId,
      userId: staff.account?.id,
      roles: ['vendor_staff'],
      vendorIds: [DEMO_VENDOR_IDS[0]],
      sessionId: staff.sessionId,
    });
    expect(seen.context).toHaveProperty('permissions', expect.arrayContaining(['product:read']));
    expect(seen.headers['x-haat-vendor-ids']).toBe(DEMO_VENDOR_IDS[0]);
    expect(seen.headers['x-haat-session-id']).toBe(staff.sessionId);
    expect(seen.headers.authorization).toBeUndefined();
  });

  it('forwards no vendor ids a client sends, nor any for an account without vendors', async () => {
    const customer = await signIn(p, DEMO_EMAILS.customer);
    await send(p, 'GET', '/api/v1/notifications/preferences', {
      token: customer.accessToken,
      headers: { 'x-haat-vendor-ids': DEMO_VENDOR_IDS.join(',') },
    });
    const seen = lastEcho();
    expect(seen.headers['x-haat-vendor-ids']).toBeUndefined();
    expect(seen.context).toMatchObject({ userId: customer.account?.id, sessionId: customer.sessionId });
    expect(seen.context).not.toHaveProperty('vendorIds');
  });
});

describe('operators', () => {
  it('sign in on the platform host and read every shop’s mailbox there', async () => {
    const operator = await signIn(p, DEMO_EMAILS.operator, { host: 'localhost', client: 'web' });
    expect(operator.cookies.find((c) => c.startsWith('haat_rt='))).toMatch(/Path=\/api\/v1\/operator-auth/);
    const me = await send(p, 'GET', '/api/v1/operator-auth/me', {
      host: 'localhost',
      token: operator.accessToken,
    });
    expect(me.status, me.text).toBe(200);

    const mailbox = await send(p, 'GET', '/api/v1/mailbox/messages', {
      host: 'localhost',
      token: operator.accessToken,
    });
    expect(mailbox.status).toBe(200);
    expect(lastEcho()).toMatchObject({
      url: '/v1/mailbox/messages',
      context: { tenantId: null, roles: ['operator'], permissions: ['*'] },
    });
  });

  it('reach a shop’s mailbox on the shop’s host with the shop’s tenant', async () => {
    const owner = await signIn(p, DEMO_EMAILS.tenantOwner);
    const res = await send(p, 'GET', '/api/v1/mailbox/messages', { token: owner.accessToken });
    expect(res.status).toBe(200);
    expect(lastEcho().context).toMatchObject({ tenantId: p.demo.tenantId, roles: ['tenant_owner'] });
  });
});

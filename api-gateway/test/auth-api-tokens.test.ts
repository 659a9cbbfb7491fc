import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS, type AuthPlatform, send, signIn, startAuthPlatform } from './support/auth-platform.js';
import { call, errorOf } from './support/gateway.harness.js';

let p: AuthPlatform;
let apiToken: string;
let ownerId: string | undefined;

beforeAll(async () => {
  p = await startAuthPlatform();
  const owner = await signIn(p, DEMO_EMAILS.tenantOwner);
  ownerId = owner.account?.id;
  const created = await send(p, 'POST', '/api/v1/auth/api-tokens', {
    token: owner.accessToken,
    body: { name: 'warehouse sync', permissions: ['product:read', 'stock:read'], expiresInDays: 30 },
  });
  if (created.status !== 201) throw new Error(`API token not created: ${created.status} ${created.text}`);
  apiToken = created.json<{ token: string }>().token;
});
afterAll(async () => {
  await p?.close();
});

async function introspections(): Promise<number> {
  const metrics = await call(p.gw.url, '/metrics');
  const line = metrics.text
    .split('\n')
    .find((l) => l.startsWith('gateway_auth_api_token_introspections_total{active="true"'));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('API tokens at the gateway', () => {
  it('accepts a token on its shop’s host and forwards its scopes as the permissions', async () => {
    const res = await send(p, 'GET', '/api/v1/notifications/deliveries', { token: apiToken });
    expect(res.status, res.text).toBe(200);
    const seen = p.echo.received.at(-1);
    expect(seen?.context).toMatchObject({
      tenantId: p.demo.tenantId,
      userId: ownerId,
      roles: ['api_token'],
      permissions: ['product:read', 'stock:read'],
    });
    expect(seen?.context).not.toHaveProperty('sessionId');
    expect(seen?.headers.authorization).toBeUndefined();
  });

  it('asks auth-service once and reuses the answer', async () => {
    await send(p, 'GET', '/api/v1/notifications/deliveries', { token: apiToken });
    const asked = await introspections();
    for (let i = 0; i < 5; i += 1) {
      expect((await send(p, 'GET', '/api/v1/notifications/deliveries', { token: apiToken })).status).toBe(
        200,
      );
    }
    expect(await introspections()).toBe(asked);
  });

  it('refuses the token on another shop’s host and on the platform host', async () => {
    const other = await send(p, 'GET', '/api/v1/notifications/deliveries', {
      token: apiToken,
      host: 'other.localhost',
    });
    expect([other.status, errorOf(other).code]).toEqual([401, 'AUTH_TOKEN_WRONG_TENANT']);
    const platform = await send(p, 'GET', '/api/v1/mailbox/messages', { token: apiToken, host: 'localhost' });
    expect([platform.status, errorOf(platform).code]).toEqual([401, 'AUTH_TOKEN_WRONG_TENANT']);
  });

  it('refuses unknown and malformed API tokens with 401 AUTH_TOKEN_INVALID', async () => {
    const uuidBytes = (id: string) => Buffer.from(id.replaceAll('-', ''), 'hex');
    // Well-formed (the shop's space, a token id, a secret) but never issued.
    const unknown = `haat_${Buffer.concat([uuidBytes(p.demo.tenantId), uuidBytes(randomUUID()), randomBytes(32)]).toString('base64url')}`;
    for (const token of [unknown, `${apiToken.slice(0, -2)}xx`, 'haat_', `haat_${'a'.repeat(600)}`]) {
      const res = await send(p, 'GET', '/api/v1/notifications/deliveries', { token });
      expect([res.status, errorOf(res).code], token.slice(0, 20)).toEqual([401, 'AUTH_TOKEN_INVALID']);
    }
  });
});

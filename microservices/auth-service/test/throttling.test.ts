import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { email, login, PASSWORD, registerAndLogin } from './support/accounts.fixture.js';
import { type ErrorJson, type Harness, startHarness } from './support/auth-service.harness.js';

let h: Harness;
const tenant = newId();

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('brute-force throttling', () => {
  it('starts after repeated bad passwords, refuses even the right one, and lifts after its window', async () => {
    const s = await registerAndLogin(h, tenant);
    const address = s.account.email as string;
    const ip = '203.0.113.99';
    for (let i = 0; i < 5; i++) {
      const bad = await login(h, tenant, address, `wrong-password-${i}`, { ip });
      expect(bad.status, `attempt ${i + 1}`).toBe(401);
    }
    const locked = await login(h, tenant, address, PASSWORD, { ip });
    expect(locked.status).toBe(429);
    expect((locked.json as unknown as ErrorJson).error.code).toBe('AUTH_THROTTLED');
    expect(Number(locked.headers.get('retry-after'))).toBe(60);

    const notified = await h.events<{ accountId: string; reason: string; failures: number }>(
      'auth.account-locked.v1',
      s.account.id,
    );
    expect(notified).toEqual([
      expect.objectContaining({ payload: expect.objectContaining({ reason: 'password', failures: 5 }) }),
    ]);

    // The owner elsewhere is not locked out by this attacker's failures.
    expect((await login(h, tenant, address, PASSWORD, { ip: '198.51.100.200' })).status).toBe(200);

    h.clock.advance(61_000);
    const lifted = await login(h, tenant, address, PASSWORD, { ip });
    expect(lifted.status, lifted.text).toBe(200);
  });

  it('backs off longer with each further failure', async () => {
    const s = await registerAndLogin(h, tenant);
    const address = s.account.email as string;
    const ip = '203.0.113.98';
    for (let i = 0; i < 5; i++) await login(h, tenant, address, `wrong-password-${i}`, { ip });
    h.clock.advance(61_000);
    expect((await login(h, tenant, address, 'wrong-password-again', { ip })).status).toBe(401);
    const second = await login(h, tenant, address, PASSWORD, { ip });
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBe(120);
  });

  it('throttles guesses against unknown accounts the same way (no enumeration)', async () => {
    const ghost = email('ghost');
    const ip = '203.0.113.97';
    for (let i = 0; i < 5; i++)
      expect((await login(h, tenant, ghost, `guess-${i}-password`, { ip })).status).toBe(401);
    expect((await login(h, tenant, ghost, 'guess-final-password', { ip })).status).toBe(429);
  });
});

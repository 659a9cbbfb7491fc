import { setTimeout as sleep } from 'node:timers/promises';
import { newId } from '@haat/common';
import { inboxEvents } from '@haat/messaging/tables';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInJson } from './support/accounts.fixture.js';
import {
  claimsOf,
  type ErrorJson,
  type Harness,
  startHarness,
  visitor,
} from './support/auth-service.harness.js';

let h: Harness;
const tenant = newId();

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

let phoneSeq = 0;
const newPhone = () =>
  `017${String(Date.now() % 1e8)
    .padStart(8, '0')
    .slice(0, 6)}${String(phoneSeq++).padStart(2, '0')}`;

async function requestCode(destination: string, channel: 'sms' | 'email' = 'sms', ip = '203.0.113.5') {
  const res = await h.call<{ challengeId: string; expiresAt: string } & ErrorJson>(
    'POST',
    '/v1/auth/otp/request',
    {
      as: visitor(tenant),
      body: { channel, destination },
      headers: { 'x-forwarded-for': ip },
    },
  );
  if (res.status !== 202) return { res, code: undefined };
  const [event] = await h.events<{ code: string; destination: string }>(
    'auth.otp-requested.v1',
    res.json.challengeId,
  );
  return { res, code: event?.payload.code, destination: event?.payload.destination };
}

const verify = (challengeId: string, code: string) =>
  h.call<SignedInJson & ErrorJson>('POST', '/v1/auth/otp/verify', {
    as: visitor(tenant),
    body: { challengeId, code },
  });

describe('OTP sign-in', () => {
  it('sends a code by event, creates the customer on first sign-in and signs in again later', async () => {
    const phone = newPhone();
    const first = await requestCode(phone);
    expect(first.res.status, first.res.text).toBe(202);
    expect(first.destination).toBe(`+88${phone}`);
    expect(first.code).toMatch(/^\d{6}$/);
    const signedIn = await verify(first.res.json.challengeId, first.code as string);
    expect(signedIn.status, signedIn.text).toBe(200);
    expect(signedIn.json.account).toMatchObject({
      phone: `+88${phone}`,
      phoneVerified: true,
      grants: [{ role: 'customer' }],
    });
    expect(claimsOf(signedIn.json.accessToken).amr).toEqual(['otp']);

    const second = await requestCode(phone);
    const again = await verify(second.res.json.challengeId, second.code as string);
    expect(again.json.account.id).toBe(signedIn.json.account.id);
  });

  it('never stores the code in clear', async () => {
    const { res, code } = await requestCode(newPhone());
    const rows = await h.svc.runtime.database.withTenant(tenant, (tx) =>
      tx.execute<{ code_hash: string }>(
        `select code_hash from otp_challenges where id = '${res.json.challengeId}'`,
      ),
    );
    const stored = rows.rows[0]?.code_hash as string;
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(code as string);
  });

  it('uses a code once', async () => {
    const { res, code } = await requestCode(newPhone());
    expect((await verify(res.json.challengeId, code as string)).status).toBe(200);
    const replay = await verify(res.json.challengeId, code as string);
    expect(replay.status).toBe(401);
    expect(replay.json.error.code).toBe('AUTH_OTP_INVALID');
  });

  it('allows a limited number of wrong codes, then not even the right one', async () => {
    const { res, code } = await requestCode(newPhone());
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const left: unknown[] = [];
    for (let i = 0; i < 5; i++)
      left.push((await verify(res.json.challengeId, wrong)).json.error.details.attemptsLeft);
    expect(left).toEqual([4, 3, 2, 1, 0]);
    expect((await verify(res.json.challengeId, code as string)).status).toBe(401);
  });

  it('counts parallel wrong guesses exactly', async () => {
    const { res, code } = await requestCode(newPhone());
    const wrong = String((Number(code) + 7) % 1_000_000).padStart(6, '0');
    const all = await Promise.all(Array.from({ length: 8 }, () => verify(res.json.challengeId, wrong)));
    expect(all.every((r) => r.status === 401)).toBe(true);
    const attempts = await h.svc.runtime.database.withTenant(tenant, (tx) =>
      tx.execute<{ attempts: number }>(
        `select attempts from otp_challenges where id = '${res.json.challengeId}'`,
      ),
    );
    expect(attempts.rows[0]?.attempts).toBe(5);
  });

  it('refuses an expired code', async () => {
    const { res, code } = await requestCode(newPhone());
    h.clock.advance(5 * 60_000 + 1);
    expect((await verify(res.json.challengeId, code as string)).json.error.code).toBe('AUTH_OTP_INVALID');
  });

  it('throttles codes sent to one destination', async () => {
    const phone = newPhone();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await requestCode(phone, 'sms', `198.51.100.${i}`)).res.status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it('signs in by email code too, and refuses a malformed destination naming the field', async () => {
    const address = `otp.${newId().slice(-10)}@example.com`;
    const { res, code } = await requestCode(address, 'email');
    const signedIn = await verify(res.json.challengeId, code as string);
    expect(signedIn.json.account).toMatchObject({ email: address, emailVerified: true });
    const bad = await h.call<ErrorJson>('POST', '/v1/auth/otp/request', {
      as: visitor(tenant),
      body: { channel: 'sms', destination: 'not-a-phone' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details).toMatchObject({ fields: [{ field: 'destination' }] });
  });

  it('delivers codes through the log transport in embedded mode (its inbox records the event)', async () => {
    const { res } = await requestCode(newPhone());
    const eventId = (
      await h.svc.runtime.database.pool.query<{ id: string }>(
        `select id from outbox_events where aggregate_id = $1 and event_type = 'auth.otp-requested.v1'`,
        [res.json.challengeId],
      )
    ).rows[0]?.id as string;
    let handled = 0;
    for (let i = 0; i < 50 && handled === 0; i++) {
      handled = (
        await h.svc.runtime.database.db
          .select()
          .from(inboxEvents)
          .where(and(eq(inboxEvents.consumer, 'auth-service.log-otp'), eq(inboxEvents.eventId, eventId)))
      ).length;
      if (handled === 0) await sleep(100);
    }
    expect(handled).toBe(1);
  });
});

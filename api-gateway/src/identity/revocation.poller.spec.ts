import { UnavailableError } from '@haat/common';
import type { SessionRevocationsResponse } from '@haat/contracts';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { RevocationPoller } from './revocation.poller.js';
import { RevokedSessions } from './revoked-sessions.js';

const T0 = Date.parse('2026-06-01T10:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const SESSION = '01960000-0000-7000-8000-0000000000aa';

function poller(answers: (SessionRevocationsResponse['items'] | Error)[]) {
  const asked: string[] = [];
  const sessions = new RevokedSessions(1_000, () => T0);
  const p = new RevocationPoller({
    fetch: async (since) => {
      asked.push(since.toISOString());
      const answer = answers.shift() ?? [];
      if (answer instanceof Error) throw answer;
      return answer;
    },
    sessions,
    intervalMs: 5,
    lookbackMs: 15 * 60_000,
    logger: pino({ level: 'silent' }),
    now: () => T0,
  });
  return { p, asked, sessions };
}

describe('RevocationPoller', () => {
  it('backfills the look-back window, then reads on from the newest revocation (with overlap)', async () => {
    const revokedAt = T0 - 30_000;
    const { p, asked, sessions } = poller([
      [{ sessionId: SESSION, revokedAt: iso(revokedAt), accessTokensValidUntil: iso(T0 + 600_000) }],
      [],
    ]);
    await p.start();
    await expect.poll(() => asked.length).toBeGreaterThanOrEqual(2);
    await p.stop();
    expect(asked[0]).toBe(iso(T0 - 15 * 60_000));
    expect(asked[1]).toBe(iso(revokedAt - 60_000));
    expect(() => sessions.assertActive(SESSION)).toThrow(
      expect.objectContaining({ code: 'AUTH_SESSION_REVOKED' }),
    );
  });

  it('keeps polling after failures; the list counts as loaded only after a success', async () => {
    const down = new UnavailableError('AUTH_SERVICE_UNAVAILABLE', 'down');
    const { p, asked, sessions } = poller([down, down, []]);
    await p.start();
    expect(sessions.isLoaded).toBe(false);
    await expect.poll(() => sessions.isLoaded).toBe(true);
    await p.stop();
    expect(new Set(asked)).toEqual(new Set([iso(T0 - 15 * 60_000)]));
  });

  it('stops polling when stopped', async () => {
    const { p, asked } = poller([]);
    await p.start();
    await p.stop();
    const count = asked.length;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(asked.length).toBe(count);
  });
});

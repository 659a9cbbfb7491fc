import { describe, expect, it } from 'vitest';
import { RevokedSessions } from './revoked-sessions.js';

const A = '01960000-0000-7000-8000-0000000000aa';
const B = '01960000-0000-7000-8000-0000000000bb';

describe('RevokedSessions', () => {
  it('refuses every session with 503 until the list has been loaded once', () => {
    const sessions = new RevokedSessions(3_000);
    expect(() => sessions.assertActive(A)).toThrow(
      expect.objectContaining({ status: 503, code: 'AUTH_REVOCATIONS_UNAVAILABLE' }),
    );
    sessions.merge([]);
    expect(() => sessions.assertActive(A)).not.toThrow();
  });

  it('refuses a revoked session until its tokens have expired, then forgets it', () => {
    let now = 1_000;
    const sessions = new RevokedSessions(3_000, () => now);
    sessions.merge([{ sessionId: A, validUntil: 5_000 }]);
    expect(() => sessions.assertActive(A)).toThrow(
      expect.objectContaining({ status: 401, code: 'AUTH_SESSION_REVOKED' }),
    );
    expect(() => sessions.assertActive(B)).not.toThrow();
    now = 5_000;
    expect(() => sessions.assertActive(A)).not.toThrow();
    sessions.merge([]);
    expect(sessions.size).toBe(0);
  });

  it('keeps the later expiry when a session is reported twice', () => {
    let now = 0;
    const sessions = new RevokedSessions(3_000, () => now);
    sessions.merge([{ sessionId: A, validUntil: 9_000 }]);
    sessions.merge([{ sessionId: A, validUntil: 2_000 }]);
    now = 5_000;
    expect(() => sessions.assertActive(A)).toThrow(expect.objectContaining({ code: 'AUTH_SESSION_REVOKED' }));
  });
});

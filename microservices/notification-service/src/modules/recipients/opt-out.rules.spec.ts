import { describe, expect, it } from 'vitest';
import { isSuppressed } from './opt-out.rules.js';

describe('isSuppressed', () => {
  const optOuts = [
    { channel: 'sms', category: 'marketing' },
    { channel: 'email', category: 'otp' },
  ] as const;

  it('holds back what the person opted out of, on that channel only', () => {
    expect(isSuppressed(optOuts, 'sms', 'marketing')).toBe(true);
    expect(isSuppressed(optOuts, 'email', 'marketing')).toBe(false);
    expect(isSuppressed(optOuts, 'sms', 'order')).toBe(false);
  });

  it('never holds back one-time codes or account notices, whatever is stored', () => {
    expect(isSuppressed(optOuts, 'email', 'otp')).toBe(false);
    expect(isSuppressed([{ channel: 'sms', category: 'account' }], 'sms', 'account')).toBe(false);
  });
});

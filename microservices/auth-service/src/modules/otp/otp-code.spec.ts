import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashOtp, newOtpCode, otpHashKey, otpMatches } from './otp-code.js';

describe('OTP codes', () => {
  const key = otpHashKey(randomBytes(32).toString('base64'));

  it('are digits of the asked length, leading zeros kept', () => {
    for (let i = 0; i < 200; i++) expect(newOtpCode(6)).toMatch(/^\d{6}$/);
  });

  it('match only the same code of the same challenge', () => {
    const stored = hashOtp(key, 'challenge-1', '012345');
    expect(otpMatches(key, 'challenge-1', '012345', stored)).toBe(true);
    expect(otpMatches(key, 'challenge-1', '012346', stored)).toBe(false);
    expect(otpMatches(key, 'challenge-2', '012345', stored)).toBe(false);
  });

  it('hash differently under another key', () => {
    const other = otpHashKey(randomBytes(32).toString('base64'));
    expect(hashOtp(other, 'c', '123456')).not.toBe(hashOtp(key, 'c', '123456'));
  });
});

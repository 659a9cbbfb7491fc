import { createHmac, hkdfSync, randomInt, timingSafeEqual } from 'node:crypto';

/** A uniformly random numeric code of `length` digits. */
export function newOtpCode(length: number): string {
  return String(randomInt(0, 10 ** length)).padStart(length, '0');
}

/**
 * The key OTP codes are hashed with, derived from the key-encryption key: a stolen table of
 * 6-digit hashes cannot be brute-forced without it.
 */
export function otpHashKey(keyEncryptionKeyBase64: string): Buffer {
  return Buffer.from(
    hkdfSync(
      'sha256',
      Buffer.from(keyEncryptionKeyBase64, 'base64'),
      Buffer.alloc(0),
      'haat-auth-otp-v1',
      32,
    ),
  );
}

/** The stored form of a code: bound to its challenge, so a hash is useless for any other. */
export function hashOtp(key: Buffer, challengeId: string, code: string): string {
  return createHmac('sha256', key).update(`${challengeId}:${code}`).digest('hex');
}

export function otpMatches(key: Buffer, challengeId: string, code: string, storedHash: string): boolean {
  const given = Buffer.from(hashOtp(key, challengeId, code), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

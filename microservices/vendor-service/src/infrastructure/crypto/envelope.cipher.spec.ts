import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EnvelopeCipher, SealedDataError } from './envelope.cipher.js';

const key = () => randomBytes(32).toString('base64');

describe('EnvelopeCipher', () => {
  it('opens what it sealed, and the sealed text does not contain the plaintext', () => {
    const cipher = new EnvelopeCipher(key());
    const sealed = cipher.seal('{"accountNumber":"1234567890123"}', 't:v:payout');
    expect(sealed).not.toContain('1234567890123');
    expect(sealed.split('.')).toHaveLength(8);
    expect(cipher.open(sealed, 't:v:payout')).toBe('{"accountNumber":"1234567890123"}');
  });

  it('uses a fresh data key each time: the same plaintext seals differently', () => {
    const cipher = new EnvelopeCipher(key());
    expect(cipher.seal('same', 'a')).not.toBe(cipher.seal('same', 'a'));
  });

  it('refuses another record’s associated data and tampered ciphertext', () => {
    const cipher = new EnvelopeCipher(key());
    const sealed = cipher.seal('secret', 'tenant-1:vendor-1:payout');
    expect(() => cipher.open(sealed, 'tenant-1:vendor-2:payout')).toThrow(SealedDataError);
    const parts = sealed.split('.');
    parts[7] = Buffer.from('tampered').toString('base64url');
    expect(() => cipher.open(parts.join('.'), 'tenant-1:vendor-1:payout')).toThrow(SealedDataError);
  });

  it('opens records sealed under a previous key once that key is listed, and says they are stale', () => {
    const oldKey = key();
    const sealed = new EnvelopeCipher(oldKey).seal('secret', 'aad');
    expect(() => new EnvelopeCipher(key()).open(sealed, 'aad')).toThrow(SealedDataError);
    const rotated = new EnvelopeCipher(key(), [oldKey]);
    expect(rotated.open(sealed, 'aad')).toBe('secret');
    expect(rotated.isStale(sealed)).toBe(true);
    expect(rotated.isStale(rotated.seal('secret', 'aad'))).toBe(false);
  });
});

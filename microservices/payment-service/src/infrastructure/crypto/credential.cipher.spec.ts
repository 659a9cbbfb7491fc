import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CredentialCipher } from './credential.cipher.js';

describe('CredentialCipher', () => {
  const key = randomBytes(32);
  const cipher = new CredentialCipher(key);

  it('round-trips a secret and never stores it in clear', () => {
    const sealed = cipher.encrypt('{"appSecret":"s3cret"}', 'tenant-a|bkash');
    expect(sealed).not.toContain('s3cret');
    expect(sealed.split('.')).toHaveLength(5);
    expect(cipher.decrypt(sealed, 'tenant-a|bkash')).toBe('{"appSecret":"s3cret"}');
  });

  it('refuses a ciphertext moved to another tenant or provider', () => {
    const sealed = cipher.encrypt('secret', 'tenant-a|bkash');
    expect(() => cipher.decrypt(sealed, 'tenant-b|bkash')).toThrow(/failed authentication/);
    expect(() => cipher.decrypt(sealed, 'tenant-a|stripe')).toThrow(/failed authentication/);
  });

  it('refuses a tampered ciphertext', () => {
    const sealed = cipher.encrypt('secret', 'aad');
    const parts = sealed.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'), 'aad')).toThrow(/failed authentication/);
  });

  it('still decrypts with a previous key after rotation, and encrypts with the new one', () => {
    const sealed = cipher.encrypt('secret', 'aad');
    const rotated = new CredentialCipher(randomBytes(32), [key]);
    expect(rotated.decrypt(sealed, 'aad')).toBe('secret');
    expect(rotated.encrypt('x', 'aad').split('.')[1]).toBe(rotated.keyId);
    expect(() => new CredentialCipher(randomBytes(32)).decrypt(sealed, 'aad')).toThrow(/unknown key/);
  });
});

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CredentialCipher } from './credential.cipher.js';

describe('CredentialCipher', () => {
  const cipher = new CredentialCipher(randomBytes(32));

  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const sealed = cipher.seal('{"apiKey":"very-secret"}', 'tenant-a/account-1');
    expect(sealed).not.toContain('very-secret');
    expect(cipher.open(sealed, 'tenant-a/account-1')).toBe('{"apiKey":"very-secret"}');
  });

  it('refuses a ciphertext moved to another row', () => {
    const sealed = cipher.seal('secret', 'tenant-a/account-1');
    expect(() => cipher.open(sealed, 'tenant-b/account-1')).toThrow(/failed authentication/);
  });

  it('still opens with a rotated-out key, and not with an unknown one', () => {
    const oldKey = randomBytes(32);
    const sealed = new CredentialCipher(oldKey).seal('secret', 'row');
    const rotated = new CredentialCipher(randomBytes(32), [randomBytes(32), oldKey]);
    expect(rotated.open(sealed, 'row')).toBe('secret');
    expect(() => cipher.open(sealed, 'row')).toThrow(/unknown key/);
  });
});

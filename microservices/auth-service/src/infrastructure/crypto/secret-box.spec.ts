import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box.js';

const k1 = randomBytes(32).toString('base64');
const k2 = randomBytes(32).toString('base64');

describe('SecretBox', () => {
  it('opens what it sealed, and the ciphertext does not contain the plaintext', () => {
    const box = new SecretBox(k1);
    const sealed = box.seal('private-key-material', 'kid-1');
    expect(sealed).not.toContain('private-key-material');
    expect(box.open(sealed, 'kid-1')).toBe('private-key-material');
  });

  it('refuses tampered data and data bound to another key id', () => {
    const box = new SecretBox(k1);
    const sealed = box.seal('secret', 'kid-1');
    expect(() => box.open(sealed, 'kid-2')).toThrow();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[4] as string, 'base64url');
    body[0] = (body[0] as number) ^ 1;
    parts[4] = body.toString('base64url');
    expect(() => box.open(parts.join('.'), 'kid-1')).toThrow();
  });

  it('still opens data sealed under a previous key after the key changes, and not without it', () => {
    const sealed = new SecretBox(k1).seal('secret', 'a');
    expect(new SecretBox(k2, [k1]).open(sealed, 'a')).toBe('secret');
    expect(() => new SecretBox(k2).open(sealed, 'a')).toThrow(/not configured/);
  });
});

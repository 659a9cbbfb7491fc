import { describe, expect, it } from 'vitest';
import { assertAcceptablePassword } from './password.policy.js';

const code = (password: string, identifiers: string[] = []) => {
  try {
    assertAcceptablePassword(password, { minLength: 10, identifiers });
    return 'ok';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('the password policy', () => {
  it('accepts a long uncommon passphrase', () => {
    expect(code('river-lantern-okra-57')).toBe('ok');
  });

  it('refuses short passwords, counting characters rather than bytes', () => {
    expect(code('abc12345')).toBe('AUTH_PASSWORD_TOO_SHORT');
    expect(code('আমার-সোনার-বাংলা')).toBe('ok');
    expect(code('বাংলা১২৩')).toBe('AUTH_PASSWORD_TOO_SHORT');
  });

  it('refuses passwords from the common list whatever their case', () => {
    expect(code('1234567890')).toBe('AUTH_PASSWORD_TOO_COMMON');
    expect(code('Password123')).toBe('AUTH_PASSWORD_TOO_COMMON');
    expect(code('qwertyuiop')).toBe('AUTH_PASSWORD_TOO_COMMON');
  });

  it('refuses a password that contains the email’s name', () => {
    expect(code('rahimuddin-2024!', ['rahimuddin@example.com'])).toBe('AUTH_PASSWORD_CONTAINS_IDENTIFIER');
  });

  it('refuses very long passwords', () => {
    expect(code('x'.repeat(129))).toBe('AUTH_PASSWORD_TOO_LONG');
  });
});

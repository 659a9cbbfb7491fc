import { describe, expect, it } from 'vitest';
import { normalizeEmail, normalizePhone } from './address.rules.js';

describe('normalizePhone', () => {
  it('reads Bangladeshi mobile numbers however they are typed', () => {
    for (const typed of [
      '01712345678',
      '+8801712345678',
      '8801712345678',
      '017-1234-5678',
      ' 01712 345678 ',
    ]) {
      expect(normalizePhone(typed), typed).toBe('+8801712345678');
    }
  });

  it('keeps foreign numbers with their country code', () => {
    expect(normalizePhone('+14155550123')).toBe('+14155550123');
  });

  it('refuses what cannot receive an SMS', () => {
    for (const bad of ['0171234567', '01212345678', 'abc', '', '+88029876543']) {
      expect(normalizePhone(bad), bad).toBeUndefined();
    }
  });
});

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Rahim@Example.COM ')).toBe('rahim@example.com');
  });

  it('refuses what is not an address', () => {
    expect(normalizeEmail('rahim@')).toBeUndefined();
    expect(normalizeEmail('not an email')).toBeUndefined();
  });
});

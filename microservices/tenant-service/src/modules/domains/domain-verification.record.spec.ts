import { describe, expect, it } from 'vitest';
import {
  hasVerificationRecord,
  newVerificationToken,
  verificationRecord,
} from './domain-verification.record.js';

describe('verificationRecord', () => {
  it('names the record under _haat-verify and prefixes the token', () => {
    expect(verificationRecord('shop.example.com', 'abc')).toEqual({
      recordName: '_haat-verify.shop.example.com',
      recordValue: 'haat-verify=abc',
    });
  });
});

describe('hasVerificationRecord', () => {
  it('finds the value among other TXT records, joined from its chunks', () => {
    expect(hasVerificationRecord([['v=spf1 -all'], ['haat-verify=', 'abc']], 'haat-verify=abc')).toBe(true);
  });

  it('refuses another token or a prefix of it', () => {
    expect(hasVerificationRecord([['haat-verify=abd']], 'haat-verify=abc')).toBe(false);
    expect(hasVerificationRecord([['haat-verify=ab']], 'haat-verify=abc')).toBe(false);
    expect(hasVerificationRecord([], 'haat-verify=abc')).toBe(false);
  });
});

describe('newVerificationToken', () => {
  it('is URL-safe and different every time', () => {
    const a = newVerificationToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newVerificationToken()).not.toBe(a);
  });
});

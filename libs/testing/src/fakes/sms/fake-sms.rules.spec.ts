import { describe, expect, it } from 'vitest';
import { maxLength, normalizeMsisdn, smsType } from './fake-sms.rules.js';

describe('normalizeMsisdn', () => {
  it('accepts the forms SSL documents and normalises them', () => {
    expect(normalizeMsisdn('01712345678')).toBe('8801712345678');
    expect(normalizeMsisdn('8801712345678')).toBe('8801712345678');
    expect(normalizeMsisdn(8801712345678)).toBe('8801712345678');
  });

  it('refuses other numbers', () => {
    for (const bad of ['0171234567', '01212345678', '+14155550123', '', null]) {
      expect(normalizeMsisdn(bad), String(bad)).toBeUndefined();
    }
  });
});

describe('smsType and maxLength', () => {
  it('counts Bangla as Unicode, with shorter parts', () => {
    expect(smsType('Your code is 1234')).toBe('EN');
    expect(smsType('আপনার কোড ১২৩৪')).toBe('UNICODE');
    expect(maxLength('EN', 1)).toBe(160);
    expect(maxLength('UNICODE', 3)).toBe(201);
  });
});

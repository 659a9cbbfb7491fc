import { describe, expect, it } from 'vitest';
import {
  checkBankAccount,
  checkBdMobile,
  checkBin,
  checkNid,
  checkRoutingNumber,
  checkTin,
  checkTradeLicence,
  IDENTIFIER_RULES,
} from './bd-identifiers.rules.js';

describe('Bangladesh identifier rules', () => {
  it('accepts NIDs of 10, 13 and 17 digits, typed with spaces, hyphens or Bangla digits', () => {
    expect(checkNid('1234567890')).toEqual({ ok: true, value: '1234567890' });
    expect(checkNid('123 456 789 0123')).toEqual({ ok: true, value: '1234567890123' });
    expect(checkNid('19901234567890123')).toEqual({ ok: true, value: '19901234567890123' });
    expect(checkNid('১২৩৪৫৬৭৮৯০')).toEqual({ ok: true, value: '1234567890' });
  });

  it('refuses other NID lengths and letters, naming the rule', () => {
    for (const bad of ['123456789', '12345678901', '123456789012345678', '12345ABCDE']) {
      expect(checkNid(bad)).toEqual({ ok: false, rule: IDENTIFIER_RULES.nid });
    }
  });

  it('wants 12 digits for a TIN and 13 for a BIN', () => {
    expect(checkTin('123456789012').ok).toBe(true);
    expect(checkTin('12345678901')).toEqual({ ok: false, rule: IDENTIFIER_RULES.tin });
    expect(checkBin('000123456-0101')).toEqual({ ok: true, value: '0001234560101' });
    expect(checkBin('123456789012')).toEqual({ ok: false, rule: IDENTIFIER_RULES.bin });
  });

  it('normalizes Bangladesh mobile numbers and refuses other operators’ prefixes', () => {
    expect(checkBdMobile('01712-345678')).toEqual({ ok: true, value: '01712345678' });
    expect(checkBdMobile('+8801912345678')).toEqual({ ok: true, value: '01912345678' });
    expect(checkBdMobile('8801312345678')).toEqual({ ok: true, value: '01312345678' });
    for (const bad of ['01212345678', '0171234567', '017123456789', '+14155550100']) {
      expect(checkBdMobile(bad)).toEqual({ ok: false, rule: IDENTIFIER_RULES.mobile });
    }
  });

  it('checks bank account and routing number lengths', () => {
    expect(checkBankAccount('1234567890123').ok).toBe(true);
    expect(checkBankAccount('1234567')).toEqual({ ok: false, rule: IDENTIFIER_RULES.bankAccount });
    expect(checkBankAccount('12345678901234567890123').ok).toBe(false);
    expect(checkRoutingNumber('090261234')).toEqual({ ok: true, value: '090261234' });
    expect(checkRoutingNumber('09026123')).toEqual({ ok: false, rule: IDENTIFIER_RULES.routing });
  });

  it('accepts trade licence numbers as issued and refuses ones without enough digits', () => {
    expect(checkTradeLicence(' trad/dncc/012345/2023 ')).toEqual({
      ok: true,
      value: 'TRAD/DNCC/012345/2023',
    });
    expect(checkTradeLicence('05-123456').ok).toBe(true);
    expect(checkTradeLicence('TRAD/ABC')).toEqual({ ok: false, rule: IDENTIFIER_RULES.tradeLicence });
    expect(checkTradeLicence('12 34 56').ok).toBe(false);
  });
});

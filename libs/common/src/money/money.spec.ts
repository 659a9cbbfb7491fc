import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/app-error.js';
import {
  addMoney,
  allocateMoney,
  divideRounded,
  formatMajor,
  money,
  parseMajor,
  percentOf,
} from './money.js';

describe('money', () => {
  it('rounds half to even', () => {
    expect(divideRounded(5n, 2n)).toBe(2n);
    expect(divideRounded(7n, 2n)).toBe(4n);
    expect(divideRounded(-5n, 2n)).toBe(-2n);
    expect(divideRounded(10n, 3n)).toBe(3n);
    expect(divideRounded(11n, 3n)).toBe(4n);
  });

  it('takes a percentage in basis points', () => {
    expect(percentOf(money(10_050, 'BDT'), 1500).amountMinor).toBe(1508n);
  });

  it('allocates without losing a minor unit', () => {
    const parts = allocateMoney(money(100, 'BDT'), [1, 1, 1]);
    expect(parts.map((p) => p.amountMinor)).toEqual([34n, 33n, 33n]);
    expect(parts.reduce((a, p) => a + p.amountMinor, 0n)).toBe(100n);
  });

  it('refuses to add different currencies', () => {
    expect(() => addMoney(money(1, 'BDT'), money(1, 'USD'))).toThrow(ValidationError);
  });

  it('parses and formats major units by the currency exponent', () => {
    expect(parseMajor('1250.5', 'BDT').amountMinor).toBe(125050n);
    expect(formatMajor(money(125050, 'BDT'))).toBe('1250.50');
    expect(formatMajor(money(-5, 'BDT'))).toBe('-0.05');
    expect(formatMajor(money(1200, 'JPY'))).toBe('1200');
    expect(() => parseMajor('1.234', 'BDT')).toThrow(/decimal places/);
    expect(() => parseMajor('12abc', 'BDT')).toThrow(/Not an amount/);
  });

  it('refuses a fractional number as minor units', () => {
    expect(() => money(1.5, 'BDT')).toThrow(ValidationError);
  });
});

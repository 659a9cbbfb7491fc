import { describe, expect, it } from 'vitest';
import { EmailSchema, PhoneSchema } from './identifiers.js';

describe('identifiers', () => {
  it('normalises Bangladeshi phone numbers to E.164', () => {
    expect(PhoneSchema.parse('01712345678')).toBe('+8801712345678');
    expect(PhoneSchema.parse('8801712345678')).toBe('+8801712345678');
    expect(PhoneSchema.parse('+880 1712-345678')).toBe('+8801712345678');
    expect(PhoneSchema.parse('+14155550123')).toBe('+14155550123');
  });

  it('refuses what is not a phone number', () => {
    expect(PhoneSchema.safeParse('12345').success).toBe(false);
    expect(PhoneSchema.safeParse('0171234567').success).toBe(false);
    expect(PhoneSchema.safeParse('phone').success).toBe(false);
  });

  it('lower-cases and trims emails', () => {
    expect(EmailSchema.parse('  Rahim@Example.COM ')).toBe('rahim@example.com');
    expect(EmailSchema.safeParse('not-an-email').success).toBe(false);
  });
});

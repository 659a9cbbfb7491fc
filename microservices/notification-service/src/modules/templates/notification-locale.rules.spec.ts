import { describe, expect, it } from 'vitest';
import { pickLocale, toNotificationLocale } from './notification-locale.rules.js';

describe('toNotificationLocale', () => {
  it('reduces a tag to the template language', () => {
    expect(toNotificationLocale('bn-BD')).toBe('bn');
    expect(toNotificationLocale('EN_us')).toBe('en');
    expect(toNotificationLocale('bn')).toBe('bn');
  });

  it('has no answer for other languages or nothing', () => {
    expect(toNotificationLocale('fr-FR')).toBeUndefined();
    expect(toNotificationLocale('')).toBeUndefined();
    expect(toNotificationLocale(null)).toBeUndefined();
  });
});

describe('pickLocale', () => {
  it('takes the first supported candidate and falls back to English', () => {
    expect(pickLocale(undefined, 'fr', 'bn-BD', 'en')).toBe('bn');
    expect(pickLocale('de', null)).toBe('en');
  });
});

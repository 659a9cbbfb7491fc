import { describe, expect, it } from 'vitest';
import { TenantSlugSchema } from './tenant-slug.rules.js';

describe('TenantSlugSchema', () => {
  it('accepts lower-case letters, digits and inner hyphens of 3 to 40 characters', () => {
    for (const ok of ['demo', 'abc', 'dhaka-bazaar-2', 'a'.repeat(40)]) {
      expect(TenantSlugSchema.safeParse(ok).success, ok).toBe(true);
    }
  });

  it('refuses other characters, lengths and edge hyphens', () => {
    for (const bad of [
      'ab',
      'a'.repeat(41),
      'Demo',
      'de_mo',
      'de mo',
      '-demo',
      'demo-',
      'xn--demo',
      'dé-mo',
    ]) {
      expect(TenantSlugSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('refuses reserved words', () => {
    for (const reserved of ['www', 'api', 'admin', 'app', 'mail', 'static']) {
      const r = TenantSlugSchema.safeParse(reserved);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toBe('is reserved by the platform');
    }
  });
});

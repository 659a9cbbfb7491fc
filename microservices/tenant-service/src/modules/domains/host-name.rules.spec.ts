import { describe, expect, it } from 'vitest';
import { customDomainProblem, normalizeHost, platformSubdomain } from './host-name.rules.js';

describe('normalizeHost', () => {
  it('lower-cases and strips the port and the trailing dot', () => {
    expect(normalizeHost('Shop.Example.COM:8443')).toBe('shop.example.com');
    expect(normalizeHost('demo.localhost.')).toBe('demo.localhost');
    expect(normalizeHost(' demo.localhost:8080 ')).toBe('demo.localhost');
  });

  it('converts Unicode names to punycode', () => {
    expect(normalizeHost('shop.München.de')).toBe('shop.xn--mnchen-3ya.de');
  });

  it('refuses what is not a DNS name', () => {
    for (const bad of [
      '',
      '127.0.0.1',
      '[::1]:8080',
      'a..b',
      '-a.com',
      'a_b.com',
      'evil.com/x',
      'x'.repeat(64) + '.com',
    ]) {
      expect(normalizeHost(bad), bad).toBeUndefined();
    }
  });
});

describe('customDomainProblem', () => {
  it('accepts a public name', () => {
    expect(customDomainProblem('shop.example.com', 'localhost')).toBeUndefined();
    expect(customDomainProblem('bazaar.com.bd', 'haat.app')).toBeUndefined();
  });

  it('refuses single labels, numeric or special-use top-level domains', () => {
    expect(customDomainProblem('intranet', 'localhost')).toMatch(/public host name/);
    expect(customDomainProblem('shop.123', 'localhost')).toMatch(/public host name/);
    expect(customDomainProblem('shop.local', 'haat.app')).toMatch(/\.local/);
    expect(customDomainProblem('my.shop.test', 'haat.app')).toMatch(/\.test/);
  });

  it('refuses the base domain and names below it', () => {
    expect(customDomainProblem('haat.app', 'haat.app')).toMatch(/platform subdomains/);
    expect(customDomainProblem('evil.demo.haat.app', 'haat.app')).toMatch(/platform subdomains/);
    expect(customDomainProblem('nothaat.app', 'haat.app')).toBeUndefined();
  });
});

describe('platformSubdomain', () => {
  it('is the slug under the base domain', () => {
    expect(platformSubdomain('demo', 'localhost')).toBe('demo.localhost');
  });
});

import { describe, expect, it } from 'vitest';
import { hostFromHeader, isValidHostName } from './host-name.js';

describe('hostFromHeader', () => {
  it('strips the port, lower-cases and drops a trailing dot', () => {
    expect(hostFromHeader('Demo.LocalHost:8080')).toBe('demo.localhost');
    expect(hostFromHeader('shop.example.com.')).toBe('shop.example.com');
  });

  it('refuses what is not a DNS name with HOST_INVALID', () => {
    for (const bad of [
      undefined,
      '',
      '[::1]:8080',
      'evil.com/x',
      'a..b',
      '-a.b',
      'a_b.c',
      'x'.repeat(64) + '.com',
    ]) {
      expect(() => hostFromHeader(bad), String(bad)).toThrow(
        expect.objectContaining({ code: 'HOST_INVALID' }),
      );
    }
  });

  it('accepts names up to 253 characters', () => {
    const name = Array.from({ length: 4 }, () => 'a'.repeat(62)).join('.');
    expect(isValidHostName(name)).toBe(true);
    expect(isValidHostName(`${name}.ab`)).toBe(false);
  });
});

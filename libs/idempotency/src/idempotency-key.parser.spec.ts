import { describe, expect, it } from 'vitest';
import { parseIdempotencyKey } from './idempotency-key.parser.js';

const code = (value: string | string[] | undefined) => {
  try {
    return parseIdempotencyKey(value);
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('parseIdempotencyKey', () => {
  it('returns undefined when the header is absent', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
  });

  it('accepts 1 to 255 visible ASCII characters, bare or as a quoted string', () => {
    expect(parseIdempotencyKey('a')).toBe('a');
    expect(parseIdempotencyKey('k'.repeat(255))).toBe('k'.repeat(255));
    expect(parseIdempotencyKey('"8e03978e-40d5-43e8-bc93-6894a57f9324"')).toBe(
      '8e03978e-40d5-43e8-bc93-6894a57f9324',
    );
  });

  it('refuses empty, too long, spaced, non-ASCII and repeated keys', () => {
    for (const bad of ['', '""', 'k'.repeat(256), 'a b', 'caf\u00e9', 'tab\there', ['a', 'b']]) {
      expect(code(bad)).toBe('IDEMPOTENCY_KEY_INVALID');
    }
  });
});

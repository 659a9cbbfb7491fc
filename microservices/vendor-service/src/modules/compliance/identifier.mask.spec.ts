import { describe, expect, it } from 'vitest';
import { maskIdentifier } from './identifier.mask.js';

describe('maskIdentifier', () => {
  it('keeps only the last digits of an account or NID', () => {
    expect(maskIdentifier('1234567890123')).toBe('••••••••••123');
    expect(maskIdentifier('1234567890123', 4)).toBe('•••••••••0123');
  });

  it('keeps the operator prefix and last digits of a mobile wallet', () => {
    expect(maskIdentifier('01712345678')).toBe('017•••••678');
  });

  it('hides short values entirely', () => {
    expect(maskIdentifier('123')).toBe('•••');
  });
});

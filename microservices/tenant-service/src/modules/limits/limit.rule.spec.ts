import { describe, expect, it } from 'vitest';
import { decideLimit } from './limit.rule.js';

describe('decideLimit', () => {
  it('allows up to the limit exactly', () => {
    expect(decideLimit(10, 7, 3)).toEqual({ allowed: true, limit: 10, remaining: 3 });
  });

  it('refuses one past the limit and says how many still fit', () => {
    expect(decideLimit(10, 7, 4)).toEqual({ allowed: false, limit: 10, remaining: 3 });
  });

  it('never reports negative room when a tenant is already over (after a downgrade)', () => {
    expect(decideLimit(10, 15, 1)).toEqual({ allowed: false, limit: 10, remaining: 0 });
  });

  it('allows anything when the limit is null (unlimited)', () => {
    expect(decideLimit(null, 1_000_000, 500)).toEqual({ allowed: true, limit: null, remaining: null });
  });

  it('refuses everything when the limit is zero', () => {
    expect(decideLimit(0, 0, 1)).toEqual({ allowed: false, limit: 0, remaining: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { maxAgeMs } from './auth-service.client.js';

describe('maxAgeMs', () => {
  it('reads max-age from Cache-Control, wherever it stands', () => {
    expect(maxAgeMs('public, max-age=60')).toBe(60_000);
    expect(maxAgeMs('max-age=0')).toBe(0);
    expect(maxAgeMs(['public', 'max-age="30"'])).toBe(30_000);
    expect(maxAgeMs('s-maxage=10, max-age=5, must-revalidate')).toBe(5_000);
  });

  it('says nothing when there is no max-age', () => {
    expect(maxAgeMs(undefined)).toBeUndefined();
    expect(maxAgeMs('no-cache')).toBeUndefined();
    expect(maxAgeMs('s-maxage=10')).toBeUndefined();
  });
});

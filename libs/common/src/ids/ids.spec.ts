import { describe, expect, it } from 'vitest';
import { isUuidV7, newId } from './ids.js';

describe('ids', () => {
  it('are UUIDv7 and sort by creation', () => {
    const ids = Array.from({ length: 50 }, () => newId());
    expect(ids.every(isUuidV7)).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(50);
  });
});

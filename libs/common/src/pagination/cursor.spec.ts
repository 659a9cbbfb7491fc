import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeCursor, encodeCursor, toPage } from './cursor.js';

const Key = z.object({ id: z.string().uuid() });

describe('cursor pagination', () => {
  it('round-trips a keyset cursor', () => {
    const id = '0190a4c6-1234-7abc-8def-0123456789ab';
    expect(decodeCursor(encodeCursor({ id }), Key)).toEqual({ id });
  });

  it('refuses a forged cursor with a 400 code', () => {
    expect(() => decodeCursor('not-base64-json', Key)).toThrow(
      expect.objectContaining({ code: 'PAGINATION_INVALID_CURSOR' }),
    );
    expect(() => decodeCursor(encodeCursor({ id: "1' OR 1=1" }), Key)).toThrow(
      expect.objectContaining({ code: 'PAGINATION_INVALID_CURSOR' }),
    );
  });

  it('gives a next cursor only when more rows exist', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const more = toPage(
      rows,
      2,
      (r) => ({ id: r.id }),
      (r) => r.id,
    );
    expect(more.items).toEqual(['a', 'b']);
    expect(more.nextCursor).not.toBeNull();
    const last = toPage(
      rows.slice(0, 2),
      2,
      (r) => ({ id: r.id }),
      (r) => r.id,
    );
    expect(last.nextCursor).toBeNull();
  });
});

import { z } from 'zod';
import { ValidationError } from '../errors/app-error.js';

/** Query parameters every list endpoint accepts. */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(512).optional(),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export interface Page<T> {
  items: T[];
  /** Opaque; pass back as `cursor` for the next page. Null on the last page. */
  nextCursor: string | null;
}

/** Zod schema of a page of `item`, for OpenAPI and clients. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/**
 * Keyset cursors: the sort key of the last row, base64url JSON. Opaque to clients, validated on
 * the way back in so a forged cursor is a 400, never a database error.
 */
export function encodeCursor(key: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor<S extends z.ZodType>(
  cursor: string | undefined,
  schema: S,
): z.output<S> | undefined {
  if (cursor === undefined) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new ValidationError('PAGINATION_INVALID_CURSOR', 'Invalid cursor', {
      fields: [{ field: 'cursor', message: 'not a cursor from this API', code: 'custom' }],
    });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ValidationError('PAGINATION_INVALID_CURSOR', 'Invalid cursor', {
      fields: [{ field: 'cursor', message: 'not a cursor from this API', code: 'custom' }],
    });
  }
  return parsed.data;
}

/**
 * Builds a page from `limit + 1` fetched rows: the extra row only says whether there is more.
 */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  cursorOf: (row: Row) => Record<string, string | number>,
  map: (row: Row) => Item,
): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(map),
    nextCursor: hasMore && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}

import { Injectable } from '@nestjs/common';
import type { DbExecutor } from '@haat/database';
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import {
  type BlocklistKind,
  type BlocklistRow,
  type NewBlocklistRow,
  vendorBlocklist,
} from './blocklist.schema.js';

/** The only code touching `vendor_blocklist`. */
@Injectable()
export class BlocklistRepository {
  async insert(db: DbExecutor, row: NewBlocklistRow): Promise<BlocklistRow> {
    const [created] = await db.insert(vendorBlocklist).values(row).returning();
    return created as BlocklistRow;
  }

  list(
    db: DbExecutor,
    query: { kind?: BlocklistKind; limit: number; beforeId?: string },
  ): Promise<BlocklistRow[]> {
    return db
      .select()
      .from(vendorBlocklist)
      .where(
        and(
          query.kind === undefined ? undefined : eq(vendorBlocklist.kind, query.kind),
          query.beforeId === undefined ? undefined : lt(vendorBlocklist.id, query.beforeId),
        ),
      )
      .orderBy(desc(vendorBlocklist.id))
      .limit(query.limit + 1);
  }

  async remove(db: DbExecutor, id: string): Promise<boolean> {
    const removed = await db
      .delete(vendorBlocklist)
      .where(eq(vendorBlocklist.id, id))
      .returning({ id: vendorBlocklist.id });
    return removed.length > 0;
  }

  /** Entries whose hash is one of `hashes`. */
  byHashes(db: DbExecutor, hashes: readonly string[]): Promise<BlocklistRow[]> {
    if (hashes.length === 0) return Promise.resolve([]);
    return db
      .select()
      .from(vendorBlocklist)
      .where(inArray(vendorBlocklist.valueHash, [...hashes]));
  }
}

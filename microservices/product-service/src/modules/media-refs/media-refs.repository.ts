import { Injectable } from '@nestjs/common';
import type { DbExecutor } from '@haat/database';
import { eq, inArray, sql } from 'drizzle-orm';
import { type MediaRefRow, mediaRefs } from './media-refs.schema.js';

/** The only code touching `media_refs`. */
@Injectable()
export class MediaRefsRepository {
  async upsert(db: DbExecutor, row: typeof mediaRefs.$inferInsert): Promise<void> {
    await db
      .insert(mediaRefs)
      .values(row)
      .onConflictDoUpdate({
        target: [mediaRefs.tenantId, mediaRefs.assetId],
        set: {
          kind: row.kind,
          url: row.url,
          width: row.width,
          height: row.height,
          renditions: row.renditions,
          updatedAt: sql`now()`,
        },
      });
  }

  async remove(db: DbExecutor, assetId: string): Promise<void> {
    await db.delete(mediaRefs).where(eq(mediaRefs.assetId, assetId));
  }

  findByIds(db: DbExecutor, assetIds: readonly string[]): Promise<MediaRefRow[]> {
    if (assetIds.length === 0) return Promise.resolve([]);
    return db
      .select()
      .from(mediaRefs)
      .where(inArray(mediaRefs.assetId, [...assetIds]));
  }
}

import { Injectable } from '@nestjs/common';
import type { DbExecutor } from '@haat/database';
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import {
  type AssetRow,
  type AssetStatus,
  mediaAssets,
  mediaRenditions,
  type RenditionRow,
} from './assets.schema.js';

/** The only code touching `media_assets` and `media_renditions`. */
@Injectable()
export class AssetsRepository {
  async insert(db: DbExecutor, row: typeof mediaAssets.$inferInsert): Promise<AssetRow> {
    const [created] = await db.insert(mediaAssets).values(row).returning();
    return created as AssetRow;
  }

  async findById(db: DbExecutor, id: string): Promise<AssetRow | undefined> {
    const [row] = await db.select().from(mediaAssets).where(eq(mediaAssets.id, id));
    return row;
  }

  /** Moves the asset from one of `from` to `to` in one statement; undefined when it was elsewhere. */
  async transition(
    db: DbExecutor,
    id: string,
    from: readonly AssetStatus[],
    to: AssetStatus,
    extra: Partial<typeof mediaAssets.$inferInsert> = {},
  ): Promise<AssetRow | undefined> {
    const [row] = await db
      .update(mediaAssets)
      .set({ ...extra, status: to, updatedAt: sql`now()` })
      .where(and(eq(mediaAssets.id, id), inArray(mediaAssets.status, [...from])))
      .returning();
    return row;
  }

  list(db: DbExecutor, query: { beforeId?: string; limit: number }): Promise<AssetRow[]> {
    return db
      .select()
      .from(mediaAssets)
      .where(query.beforeId === undefined ? undefined : lt(mediaAssets.id, query.beforeId))
      .orderBy(desc(mediaAssets.id))
      .limit(query.limit + 1);
  }

  async delete(db: DbExecutor, id: string): Promise<void> {
    await db.delete(mediaAssets).where(eq(mediaAssets.id, id));
  }

  async addRenditions(db: DbExecutor, rows: readonly (typeof mediaRenditions.$inferInsert)[]): Promise<void> {
    if (rows.length > 0)
      await db
        .insert(mediaRenditions)
        .values([...rows])
        .onConflictDoNothing();
  }

  renditionsOf(db: DbExecutor, assetIds: readonly string[]): Promise<RenditionRow[]> {
    if (assetIds.length === 0) return Promise.resolve([]);
    return db
      .select()
      .from(mediaRenditions)
      .where(inArray(mediaRenditions.assetId, [...assetIds]))
      .orderBy(mediaRenditions.role, mediaRenditions.width, mediaRenditions.contentType);
  }
}

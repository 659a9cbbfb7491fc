import { integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';
import { timestamptz } from '../../infrastructure/db/columns.js';

export interface MediaRendition {
  url: string;
  contentType: string;
  width: number | null;
}

/**
 * A local copy of the media facts products show (URLs of ready renditions), fed by
 * `media.asset-ready.v1`: products hold media by id, and storefront reads and JSON-LD need
 * URLs without calling media-service.
 */
export const mediaRefs = pgTable(
  'media_refs',
  {
    tenantId: uuid('tenant_id').notNull(),
    assetId: uuid('asset_id').notNull(),
    kind: text('kind').notNull(),
    /** The fallback rendition (largest JPEG, or the MP4): what a plain `<img src>` or JSON-LD uses. */
    url: text('url').notNull(),
    width: integer('width'),
    height: integer('height'),
    renditions: jsonb('renditions').$type<MediaRendition[]>().notNull(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'media_refs_pkey', columns: [t.tenantId, t.assetId] }), tenantIsolation()],
).enableRLS();

export type MediaRefRow = typeof mediaRefs.$inferSelect;

import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';
import { timestamptz } from '../../infrastructure/db/columns.js';

export const ASSET_KINDS = ['image', 'video', 'file'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
export const ASSET_STATUSES = ['awaiting_upload', 'processing', 'ready', 'failed'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

/** One uploaded or stored file and what processing made of it. */
export const mediaAssets = pgTable(
  'media_assets',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    kind: text('kind', { enum: ASSET_KINDS }).notNull(),
    status: text('status', { enum: ASSET_STATUSES }).notNull(),
    /** What it is for: `product`, `review`, `report`, `label`, `invoice`… */
    purpose: text('purpose').notNull(),
    /** The type found in the file's bytes (never the client's claim). */
    contentType: text('content_type'),
    fileName: text('file_name'),
    bytes: bigint('bytes', { mode: 'number' }),
    sha256: text('sha256'),
    width: integer('width'),
    height: integer('height'),
    durationMs: integer('duration_ms'),
    /** Storage key of the source file (private: never served publicly). */
    sourceKey: text('source_key'),
    error: text('error'),
    createdBy: text('created_by'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    readyAt: timestamptz('ready_at'),
  },
  (t) => [
    index('media_assets_tenant_id_idx').on(t.tenantId, t.id),
    check('media_assets_kind_check', sql`${t.kind} in ('image', 'video', 'file')`),
    check(
      'media_assets_status_check',
      sql`${t.status} in ('awaiting_upload', 'processing', 'ready', 'failed')`,
    ),
    tenantIsolation(),
  ],
).enableRLS();

export type AssetRow = typeof mediaAssets.$inferSelect;

export const RENDITION_ROLES = ['image', 'video', 'poster'] as const;
export type RenditionRole = (typeof RENDITION_ROLES)[number];

/** A generated file of an asset: a responsive image, the transcoded video, the poster frame. */
export const mediaRenditions = pgTable(
  'media_renditions',
  {
    tenantId: uuid('tenant_id').notNull(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => mediaAssets.id, { onDelete: 'cascade' }),
    /** Content-hashed storage key: the public URL path below the CDN base. */
    key: text('key').notNull(),
    role: text('role', { enum: RENDITION_ROLES }).notNull(),
    contentType: text('content_type').notNull(),
    width: integer('width'),
    height: integer('height'),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'media_renditions_pkey', columns: [t.tenantId, t.assetId, t.key] }),
    tenantIsolation(),
  ],
).enableRLS();

export type RenditionRow = typeof mediaRenditions.$inferSelect;

import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';
import { timestamptz } from '../../infrastructure/db/columns.js';

/**
 * The taxonomy as a materialized path: `path` is `/<root id>/…/<own id>/`, so a subtree is one
 * prefix (`path like '/a/b/%'`, indexed with `text_pattern_ops`) and breadcrumbs are the ids in
 * the path. See docs/adr/0022-catalog-model.md.
 */
export const categories = pgTable(
  'categories',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => categories.id, { onDelete: 'restrict' }),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    slug: text('slug').notNull(),
    nameEn: text('name_en').notNull(),
    nameBn: text('name_bn'),
    position: integer('position').notNull().default(0),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('categories_tenant_slug_uq').on(t.tenantId, t.slug),
    index('categories_tenant_path_idx').on(t.tenantId, t.path.op('text_pattern_ops')),
    index('categories_tenant_parent_idx').on(t.tenantId, t.parentId),
    check('categories_depth_check', sql`${t.depth} >= 0 and ${t.depth} < 32`),
    tenantIsolation(),
  ],
).enableRLS();

export type CategoryRow = typeof categories.$inferSelect;

export const ATTRIBUTE_TYPES = ['text', 'number', 'boolean', 'enum'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/** The typed attributes a category defines; its products (and its subtree's) carry them. */
export const categoryAttributes = pgTable(
  'category_attributes',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    labelEn: text('label_en').notNull(),
    labelBn: text('label_bn'),
    type: text('type', { enum: ATTRIBUTE_TYPES }).notNull(),
    /** The allowed values of an `enum` attribute. */
    options: text('options')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    required: boolean('required').notNull().default(false),
    unit: text('unit'),
    position: integer('position').notNull().default(0),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('category_attributes_code_uq').on(t.tenantId, t.categoryId, t.code),
    check('category_attributes_type_check', sql`${t.type} in ('text', 'number', 'boolean', 'enum')`),
    tenantIsolation(),
  ],
).enableRLS();

export type CategoryAttributeRow = typeof categoryAttributes.$inferSelect;

import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIsolation } from '@haat/database';
import { timestamptz } from '../../infrastructure/db/columns.js';
import { brands } from '../brands/brands.schema.js';
import { categories } from '../categories/categories.schema.js';

export const PRODUCT_STATUSES = ['draft', 'active', 'archived'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export type AttributeValue = string | number | boolean;
export interface ProductOption {
  name: string;
  values: string[];
}

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    vendorId: uuid('vendor_id').notNull(),
    categoryId: uuid('category_id').references(() => categories.id, { onDelete: 'restrict' }),
    brandId: uuid('brand_id').references(() => brands.id, { onDelete: 'restrict' }),
    status: text('status', { enum: PRODUCT_STATUSES }).notNull().default('draft'),
    /** The current slug; retired ones are in `product_slug_redirects`. */
    slug: text('slug').notNull(),
    nameEn: text('name_en').notNull(),
    nameBn: text('name_bn'),
    descriptionEn: text('description_en'),
    descriptionBn: text('description_bn'),
    metaTitle: text('meta_title'),
    metaDescription: text('meta_description'),
    canonicalUrl: text('canonical_url'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    attributes: jsonb('attributes').$type<Record<string, AttributeValue>>().notNull().default({}),
    options: jsonb('options').$type<ProductOption[]>().notNull().default([]),
    mediaIds: uuid('media_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    version: integer('version').notNull().default(1),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('products_tenant_slug_uq').on(t.tenantId, t.slug),
    index('products_tenant_vendor_idx').on(t.tenantId, t.vendorId, t.id),
    index('products_tenant_status_idx').on(t.tenantId, t.status, t.id),
    index('products_tenant_category_idx').on(t.tenantId, t.categoryId),
    index('products_tenant_tags_idx').using('gin', t.tags),
    check('products_status_check', sql`${t.status} in ('draft', 'active', 'archived')`),
    tenantIsolation(),
  ],
).enableRLS();

export type ProductRow = typeof products.$inferSelect;
export type NewProductRow = typeof products.$inferInsert;

export const productVariants = pgTable(
  'product_variants',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    sku: text('sku').notNull(),
    barcode: text('barcode'),
    options: jsonb('options').$type<Record<string, string>>().notNull().default({}),
    /** The option values in the product's option order, joined: one variant per combination. */
    optionKey: text('option_key').notNull(),
    priceMinor: bigint('price_minor', { mode: 'bigint' }).notNull(),
    compareAtMinor: bigint('compare_at_minor', { mode: 'bigint' }),
    costMinor: bigint('cost_minor', { mode: 'bigint' }),
    currency: char('currency', { length: 3 }).notNull(),
    weightGrams: integer('weight_grams'),
    lengthMm: integer('length_mm'),
    widthMm: integer('width_mm'),
    heightMm: integer('height_mm'),
    position: integer('position').notNull().default(0),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('product_variants_tenant_sku_uq').on(t.tenantId, t.sku),
    unique('product_variants_option_key_uq').on(t.tenantId, t.productId, t.optionKey),
    uniqueIndex('product_variants_tenant_barcode_uq')
      .on(t.tenantId, t.barcode)
      .where(sql`${t.barcode} is not null`),
    index('product_variants_tenant_product_idx').on(t.tenantId, t.productId),
    check('product_variants_price_check', sql`${t.priceMinor} >= 0`),
    check(
      'product_variants_amounts_check',
      sql`coalesce(${t.compareAtMinor}, 0) >= 0 and coalesce(${t.costMinor}, 0) >= 0`,
    ),
    tenantIsolation(),
  ],
).enableRLS();

export type VariantRow = typeof productVariants.$inferSelect;
export type NewVariantRow = typeof productVariants.$inferInsert;

/** Retired slugs: a lookup by one answers with a redirect to the product's current slug. */
export const productSlugRedirects = pgTable(
  'product_slug_redirects',
  {
    tenantId: uuid('tenant_id').notNull(),
    slug: text('slug').notNull(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'product_slug_redirects_pkey', columns: [t.tenantId, t.slug] }),
    index('product_slug_redirects_product_idx').on(t.tenantId, t.productId),
    tenantIsolation(),
  ],
).enableRLS();

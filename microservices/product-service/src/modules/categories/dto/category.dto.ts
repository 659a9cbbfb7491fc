import { IdSchema, PageQuerySchema } from '@haat/common';
import { z } from 'zod';
import { SlugSchema } from '../../seo/slug.rules.js';
import { ATTRIBUTE_TYPES } from '../categories.schema.js';

const NameSchema = z.strictObject({
  en: z.string().trim().min(1).max(200),
  bn: z.string().trim().min(1).max(200).nullable().optional(),
});

export const CreateCategorySchema = z.strictObject({
  parentId: IdSchema.nullable().optional(),
  slug: SlugSchema.optional(),
  name: NameSchema,
  position: z.number().int().min(0).max(1_000_000).optional(),
});
export type CreateCategoryInput = z.output<typeof CreateCategorySchema>;

export const UpdateCategorySchema = z
  .strictObject({
    slug: SlugSchema.optional(),
    name: NameSchema.partial().optional(),
    position: z.number().int().min(0).max(1_000_000).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export type UpdateCategoryInput = z.output<typeof UpdateCategorySchema>;

/** `parentId: null` moves the category (and its subtree) to the top level. */
export const MoveCategorySchema = z.strictObject({ parentId: IdSchema.nullable() });

export const CreateAttributeSchema = z
  .strictObject({
    code: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and underscores, starting with a letter'),
    label: NameSchema,
    type: z.enum(ATTRIBUTE_TYPES),
    options: z.array(z.string().trim().min(1).max(100)).max(200).optional(),
    required: z.boolean().optional(),
    unit: z.string().trim().min(1).max(20).optional(),
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .refine((v) => v.type !== 'enum' || (v.options?.length ?? 0) > 0, {
    message: 'an enum attribute needs options',
    path: ['options'],
  })
  .refine((v) => v.type === 'enum' || v.options === undefined, {
    message: 'only an enum attribute has options',
    path: ['options'],
  });
export type CreateAttributeInput = z.output<typeof CreateAttributeSchema>;

export const CategoryIdParamsSchema = z.object({ id: IdSchema });
export const AttributeParamsSchema = z.object({ id: IdSchema, code: z.string().min(1).max(40) });

export const ListCategoriesQuerySchema = PageQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Only this category's subtree (itself included). */
  under: IdSchema.optional(),
});

const LocalizedSchema = z.object({ en: z.string(), bn: z.string().nullable() });

export const BreadcrumbSchema = z.object({ id: z.string().uuid(), slug: z.string(), name: LocalizedSchema });
export type Breadcrumb = z.infer<typeof BreadcrumbSchema>;

export const AttributeDefinitionViewSchema = z.object({
  code: z.string(),
  label: LocalizedSchema,
  type: z.enum(ATTRIBUTE_TYPES),
  options: z.array(z.string()),
  required: z.boolean(),
  unit: z.string().nullable(),
  /** The category that defines it (this one or an ancestor). */
  definedOn: z.string().uuid(),
});
export type AttributeDefinitionView = z.infer<typeof AttributeDefinitionViewSchema>;

export const CategoryViewSchema = z.object({
  id: z.string().uuid(),
  parentId: z.string().uuid().nullable(),
  slug: z.string(),
  name: LocalizedSchema,
  depth: z.number().int(),
  position: z.number().int(),
});
export type CategoryView = z.infer<typeof CategoryViewSchema>;

export const CategoryDetailSchema = CategoryViewSchema.extend({
  /** Root first, this category last. */
  breadcrumbs: z.array(BreadcrumbSchema),
  attributes: z.array(AttributeDefinitionViewSchema),
});
export type CategoryDetail = z.infer<typeof CategoryDetailSchema>;

import { IdSchema, PageQuerySchema } from '@haat/common';
import { z } from 'zod';
import { SlugSchema } from '../../seo/slug.rules.js';

export const CreateBrandSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  slug: SlugSchema.optional(),
});
export type CreateBrandInput = z.output<typeof CreateBrandSchema>;

export const BrandIdParamsSchema = z.object({ id: IdSchema });
export const ListBrandsQuerySchema = PageQuerySchema;

export const BrandViewSchema = z.object({ id: z.string().uuid(), name: z.string(), slug: z.string() });
export type BrandView = z.infer<typeof BrandViewSchema>;

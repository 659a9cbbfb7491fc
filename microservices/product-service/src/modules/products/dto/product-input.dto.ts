import { IdSchema, MoneySchema } from '@haat/common';
import { z } from 'zod';
import { SlugSchema } from '../../seo/slug.rules.js';
import { PRODUCT_STATUSES } from '../products.schema.js';

/** A SKU: letters, digits and `-_./`, unique per tenant (case-sensitive as given). */
export const SkuSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'letters, digits and - _ . /');

const LocalizedName = z.strictObject({
  en: z.string().trim().min(1).max(300),
  bn: z.string().trim().min(1).max(300).nullable().optional(),
});
const LocalizedDescription = z.strictObject({
  en: z.string().trim().max(20_000).nullable().optional(),
  bn: z.string().trim().max(20_000).nullable().optional(),
});

export const DimensionsSchema = z.strictObject({
  length: z.number().int().positive().max(100_000),
  width: z.number().int().positive().max(100_000),
  height: z.number().int().positive().max(100_000),
});

const NonNegativeMoney = MoneySchema.refine((m) => m.amountMinor >= 0n, {
  message: 'must not be negative',
  path: ['amountMinor'],
});

const VariantCommon = {
  barcode: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{4,64}$/, 'letters, digits and hyphens')
    .nullable()
    .optional(),
  price: NonNegativeMoney,
  compareAtPrice: NonNegativeMoney.nullable().optional(),
  cost: NonNegativeMoney.nullable().optional(),
  weightGrams: z.number().int().min(0).max(10_000_000).nullable().optional(),
  dimensionsMm: DimensionsSchema.nullable().optional(),
};

export const VariantInputSchema = z.strictObject({
  sku: SkuSchema,
  options: z.record(z.string().min(1).max(50), z.string().min(1).max(100)).default({}),
  ...VariantCommon,
});
export type VariantInput = z.output<typeof VariantInputSchema>;

export const VariantPatchSchema = z
  .strictObject({
    sku: SkuSchema.optional(),
    barcode: VariantCommon.barcode,
    price: NonNegativeMoney.optional(),
    compareAtPrice: VariantCommon.compareAtPrice,
    cost: VariantCommon.cost,
    weightGrams: VariantCommon.weightGrams,
    dimensionsMm: VariantCommon.dimensionsMm,
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export type VariantPatch = z.output<typeof VariantPatchSchema>;

/** Fills every option combination that has no variant yet, with SKUs `<skuPrefix>-<VALUE>-<VALUE>`. */
export const GenerateVariantsSchema = z.strictObject({
  skuPrefix: SkuSchema,
  ...VariantCommon,
});
export type GenerateVariantsInput = z.output<typeof GenerateVariantsSchema>;

export const OptionSchema = z.strictObject({
  name: z.string().trim().min(1).max(50),
  values: z.array(z.string().trim().min(1).max(100)).min(1).max(100),
});

const AttributesInput = z.record(
  z.string().min(1).max(40),
  z.union([z.string().max(2_000), z.number(), z.boolean()]),
);

const SeoInput = z.strictObject({
  metaTitle: z.string().trim().min(1).max(120).nullable().optional(),
  metaDescription: z.string().trim().min(1).max(320).nullable().optional(),
  canonicalUrl: z
    .url({ protocol: /^https?$/ })
    .max(2_000)
    .nullable()
    .optional(),
});

const Tags = z.array(z.string().trim().toLowerCase().min(1).max(50)).max(50);

export const CreateProductSchema = z
  .strictObject({
    vendorId: IdSchema.optional(),
    categoryId: IdSchema.nullable().optional(),
    brandId: IdSchema.nullable().optional(),
    status: z.enum(PRODUCT_STATUSES).default('draft'),
    name: LocalizedName,
    description: LocalizedDescription.nullable().optional(),
    slug: SlugSchema.optional(),
    seo: SeoInput.optional(),
    tags: Tags.optional(),
    attributes: AttributesInput.optional(),
    options: z.array(OptionSchema).max(3).default([]),
    variants: z.array(VariantInputSchema).min(1).max(300).optional(),
    generateVariants: GenerateVariantsSchema.optional(),
    mediaIds: z.array(IdSchema).max(50).optional(),
  })
  .refine((v) => (v.variants === undefined) !== (v.generateVariants === undefined), {
    message: 'give either variants or generateVariants',
    path: ['variants'],
  });
export type CreateProductInput = z.output<typeof CreateProductSchema>;

export const UpdateProductSchema = z
  .strictObject({
    /** The version you read: a concurrent change in between answers 409 instead of being overwritten. */
    version: z.number().int().positive().optional(),
    categoryId: IdSchema.nullable().optional(),
    brandId: IdSchema.nullable().optional(),
    status: z.enum(PRODUCT_STATUSES).optional(),
    name: LocalizedName.partial().optional(),
    description: LocalizedDescription.nullable().optional(),
    slug: SlugSchema.optional(),
    seo: SeoInput.optional(),
    tags: Tags.optional(),
    attributes: AttributesInput.optional(),
    /** New values may be added to options; every existing variant must stay valid. */
    options: z.array(OptionSchema).max(3).optional(),
    mediaIds: z.array(IdSchema).max(50).optional(),
  })
  .refine((v) => Object.keys(v).some((k) => k !== 'version'), 'nothing to change');
export type UpdateProductInput = z.output<typeof UpdateProductSchema>;

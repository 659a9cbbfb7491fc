import type { FieldIssue, Money } from '@haat/common';
import { newId } from '@haat/common';
import type { VariantInput, VariantPatch } from './dto/product-input.dto.js';
import type { NewVariantRow, ProductOption } from './products.schema.js';
import type { VariantPatchRow } from './products.repository.js';
import { optionKey } from './variant-matrix.rules.js';

type Dimensions = { length: number; width: number; height: number } | null | undefined;

function dimensionColumns(d: Dimensions) {
  if (d === undefined) return {};
  return { lengthMm: d?.length ?? null, widthMm: d?.width ?? null, heightMm: d?.height ?? null };
}

/** Rows for new variants of a product, in the given order. */
export function newVariantRows(
  tenantId: string,
  productId: string,
  options: readonly ProductOption[],
  variants: readonly VariantInput[],
  firstPosition = 0,
): NewVariantRow[] {
  return variants.map((v, i) => ({
    id: newId(),
    tenantId,
    productId,
    sku: v.sku,
    barcode: v.barcode ?? null,
    options: v.options,
    optionKey: optionKey(options, v.options),
    priceMinor: v.price.amountMinor,
    compareAtMinor: v.compareAtPrice?.amountMinor ?? null,
    costMinor: v.cost?.amountMinor ?? null,
    currency: v.price.currency,
    weightGrams: v.weightGrams ?? null,
    ...dimensionColumns(v.dimensionsMm ?? null),
    position: firstPosition + i,
  }));
}

/** The column changes of a variant patch; absent fields stay as they are. */
export function variantPatchColumns(patch: VariantPatch): VariantPatchRow {
  const out: VariantPatchRow = {};
  if (patch.sku !== undefined) out.sku = patch.sku;
  if (patch.barcode !== undefined) out.barcode = patch.barcode;
  if (patch.price !== undefined) {
    out.priceMinor = patch.price.amountMinor;
    out.currency = patch.price.currency;
  }
  if (patch.compareAtPrice !== undefined) out.compareAtMinor = patch.compareAtPrice?.amountMinor ?? null;
  if (patch.cost !== undefined) out.costMinor = patch.cost?.amountMinor ?? null;
  if (patch.weightGrams !== undefined) out.weightGrams = patch.weightGrams;
  Object.assign(out, dimensionColumns(patch.dimensionsMm));
  return out;
}

/**
 * A product sells in one currency: every variant's price, compare-at price and cost in the
 * currency of `currency` (the first variant's when not given).
 */
export function checkCurrencies(
  variants: readonly { price?: Money; compareAtPrice?: Money | null; cost?: Money | null }[],
  currency?: string,
  path = 'variants',
): FieldIssue[] {
  const expected = currency ?? variants.find((v) => v.price)?.price?.currency;
  const issues: FieldIssue[] = [];
  variants.forEach((v, i) => {
    for (const field of ['price', 'compareAtPrice', 'cost'] as const) {
      const m = v[field];
      if (m && expected && m.currency !== expected) {
        issues.push({
          field: `${path}.${i}.${field}.currency`,
          message: `a product sells in one currency (${expected})`,
          code: 'currency_mismatch',
        });
      }
    }
  });
  return issues;
}

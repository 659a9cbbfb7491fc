import { type CurrencyCode, CurrencyCodeSchema, IdSchema, isAppError, parseMajor } from '@haat/common';
import { SlugSchema } from '../seo/slug.rules.js';
import { SkuSchema } from '../products/dto/product-input.dto.js';
import { PRODUCT_STATUSES, type ProductStatus } from '../products/products.schema.js';
import { ATTRIBUTE_COLUMN_PREFIX, TAG_SEPARATOR } from './import-columns.js';

/** One refused cell or row: the file's line, the column at fault, a stable code. */
export interface RowError {
  line: number;
  column: string | null;
  code: string;
  message: string;
  sku: string | null;
}

/** Product-level fields of a row; `undefined` means "leave as it is" (an empty cell). */
export interface RowProductFields {
  nameEn?: string;
  nameBn?: string;
  descriptionEn?: string;
  descriptionBn?: string;
  status?: ProductStatus;
  vendorId?: string;
  categorySlug?: string;
  brandName?: string;
  tags?: string[];
  metaTitle?: string;
  metaDescription?: string;
  canonicalUrl?: string;
  /** Attribute code → cell text (typed later against the category's attribute set). */
  attributes: Record<string, string>;
}

/** Variant fields: every row states its variant completely, so an empty cell clears the value. */
export interface RowVariantFields {
  priceMinor: bigint;
  currency: CurrencyCode;
  compareAtMinor: bigint | null;
  costMinor: bigint | null;
  barcode: string | null;
  weightGrams: number | null;
  dimensions: { length: number; width: number; height: number } | null;
}

export interface ParsedRow {
  line: number;
  handle: string;
  sku: string;
  product: RowProductFields;
  /** `[name, value]` pairs in column order (option1, option2, option3). */
  options: [string, string][];
  variant: RowVariantFields;
}

type Cells = Readonly<Record<string, string | undefined>>;

/** Bengali digits (০–৯) as ASCII, so `৳১২৫০` style numbers from Bangla keyboards read. */
function asciiDigits(text: string): string {
  return text.replace(/[\u09E6-\u09EF]/g, (d) => String(d.charCodeAt(0) - 0x09e6));
}

const cell = (cells: Cells, column: string): string | undefined => {
  const v = cells[column]?.trim();
  return v === undefined || v === '' ? undefined : v;
};

/**
 * Parses one CSV record (header → cell text) into a row, or the errors of every bad cell.
 * Prices are decimal major units (`1250.50`) in the row's currency.
 */
export function parseImportRow(cells: Cells, line: number): { row: ParsedRow } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const sku = cell(cells, 'sku') ?? null;
  const fail = (column: string, code: string, message: string) =>
    errors.push({ line, column, code, message, sku });

  const skuOk = sku !== null && SkuSchema.safeParse(sku).success;
  if (sku === null) fail('sku', 'required', 'SKU is required');
  else if (!skuOk) fail('sku', 'invalid', 'SKU may hold letters, digits and - _ . / (64 at most)');

  const handle = cell(cells, 'handle')?.toLowerCase();
  if (handle === undefined) fail('handle', 'required', 'handle (the product slug) is required');
  else if (!SlugSchema.safeParse(handle).success)
    fail('handle', 'invalid', 'handle must be lower-case words joined by hyphens');

  const currencyText = cell(cells, 'currency')?.toUpperCase();
  const currency = CurrencyCodeSchema.safeParse(currencyText);
  if (!currency.success)
    fail('currency', 'invalid', `currency must be an ISO code like BDT (got ${currencyText ?? 'nothing'})`);

  const amount = (column: string, required: boolean): bigint | null => {
    const text = cell(cells, column);
    if (text === undefined) {
      if (required) fail(column, 'required', `${column} is required`);
      return null;
    }
    if (!currency.success) return null;
    try {
      const m = parseMajor(asciiDigits(text).replace(/,/g, ''), currency.data);
      if (m.amountMinor < 0n) fail(column, 'invalid', `${column} must not be negative`);
      return m.amountMinor;
    } catch (err) {
      fail(column, 'invalid_amount', isAppError(err) ? err.message : `${column} is not an amount`);
      return null;
    }
  };
  const priceMinor = amount('price', true);
  const compareAtMinor = amount('compare_at_price', false);
  const costMinor = amount('cost', false);

  const integer = (column: string): number | null => {
    const raw = cell(cells, column);
    if (raw === undefined) return null;
    const text = asciiDigits(raw);
    if (!/^\d{1,9}$/.test(text)) {
      fail(column, 'invalid', `${column} must be a whole number`);
      return null;
    }
    return Number(text);
  };
  const weightGrams = integer('weight_grams');
  const dims = [integer('length_mm'), integer('width_mm'), integer('height_mm')];
  const dimensions =
    dims.every((d) => d !== null) && dims.every((d) => (d as number) > 0)
      ? { length: dims[0] as number, width: dims[1] as number, height: dims[2] as number }
      : null;
  if (dims.some((d) => d !== null) && dimensions === null) {
    fail('length_mm', 'invalid', 'give length_mm, width_mm and height_mm together, each above 0');
  }

  const barcode = cell(cells, 'barcode') ?? null;
  if (barcode !== null && !/^[0-9A-Za-z-]{4,64}$/.test(barcode))
    fail('barcode', 'invalid', 'barcode may hold letters, digits and hyphens');

  const statusText = cell(cells, 'status')?.toLowerCase();
  if (statusText !== undefined && !(PRODUCT_STATUSES as readonly string[]).includes(statusText)) {
    fail('status', 'invalid', 'status must be draft, active or archived');
  }
  const vendorId = cell(cells, 'vendor_id')?.toLowerCase();
  if (vendorId !== undefined && !IdSchema.safeParse(vendorId).success)
    fail('vendor_id', 'invalid', 'vendor_id must be a UUID');
  const canonicalUrl = cell(cells, 'canonical_url');
  if (canonicalUrl !== undefined && !/^https?:\/\/\S+$/.test(canonicalUrl))
    fail('canonical_url', 'invalid', 'canonical_url must be an http(s) URL');

  const options: [string, string][] = [];
  for (const n of [1, 2, 3]) {
    const name = cell(cells, `option${n}_name`);
    const value = cell(cells, `option${n}_value`);
    if (name !== undefined && value !== undefined) options.push([name, value]);
    else if (name !== undefined || value !== undefined) {
      fail(
        value === undefined ? `option${n}_value` : `option${n}_name`,
        'required',
        `option${n} needs a name and a value`,
      );
    }
  }

  const attributes: Record<string, string> = {};
  for (const [column, text] of Object.entries(cells)) {
    if (column.startsWith(ATTRIBUTE_COLUMN_PREFIX) && text !== undefined && text.trim() !== '') {
      attributes[column.slice(ATTRIBUTE_COLUMN_PREFIX.length)] = text.trim();
    }
  }
  const tagsText = cell(cells, 'tags');

  if (errors.length > 0 || sku === null || handle === undefined || priceMinor === null || !currency.success) {
    return { errors };
  }
  return {
    row: {
      line,
      handle,
      sku,
      options,
      product: {
        nameEn: cell(cells, 'name_en'),
        nameBn: cell(cells, 'name_bn'),
        descriptionEn: cell(cells, 'description_en'),
        descriptionBn: cell(cells, 'description_bn'),
        status: statusText as ProductStatus | undefined,
        vendorId,
        categorySlug: cell(cells, 'category')?.toLowerCase(),
        brandName: cell(cells, 'brand'),
        tags:
          tagsText === undefined
            ? undefined
            : [
                ...new Set(
                  tagsText
                    .split(TAG_SEPARATOR)
                    .map((t) => t.trim().toLowerCase())
                    .filter(Boolean),
                ),
              ],
        metaTitle: cell(cells, 'meta_title'),
        metaDescription: cell(cells, 'meta_description'),
        canonicalUrl,
        attributes,
      },
      variant: {
        priceMinor,
        currency: currency.data,
        compareAtMinor,
        costMinor,
        barcode,
        weightGrams,
        dimensions,
      },
    },
  };
}

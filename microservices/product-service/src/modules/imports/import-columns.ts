/**
 * The CSV layout of imports and exports: one row per variant, product fields repeated on each
 * row of the product (`handle` groups rows into products and is the product's slug). Attribute
 * columns are `attr:<code>`. An export re-imported as it is changes nothing.
 */
export const CSV_COLUMNS = [
  'handle',
  'sku',
  'name_en',
  'name_bn',
  'description_en',
  'description_bn',
  'status',
  'vendor_id',
  'category',
  'brand',
  'tags',
  'option1_name',
  'option1_value',
  'option2_name',
  'option2_value',
  'option3_name',
  'option3_value',
  'price',
  'compare_at_price',
  'cost',
  'currency',
  'barcode',
  'weight_grams',
  'length_mm',
  'width_mm',
  'height_mm',
  'meta_title',
  'meta_description',
  'canonical_url',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Columns a file must have. */
export const REQUIRED_COLUMNS: readonly CsvColumn[] = ['handle', 'sku', 'price', 'currency'];

export const ATTRIBUTE_COLUMN_PREFIX = 'attr:';

/** Tags in one cell: separated by `|` (commas would need quoting in every spreadsheet). */
export const TAG_SEPARATOR = '|';

/** Header names as written, trimmed and lower-cased (attribute codes keep their case rules). */
export function normalizeHeader(name: string): string {
  return name.trim().toLowerCase();
}

/** The required columns a header row lacks. */
export function missingColumns(headers: readonly string[]): CsvColumn[] {
  const set = new Set(headers);
  return REQUIRED_COLUMNS.filter((c) => !set.has(c));
}

/** Stable error codes of the products feature. */
export const PRODUCT_ERRORS = {
  notFound: 'PRODUCT_NOT_FOUND',
  variantNotFound: 'PRODUCT_VARIANT_NOT_FOUND',
  slugTaken: 'PRODUCT_SLUG_TAKEN',
  skuTaken: 'PRODUCT_SKU_TAKEN',
  barcodeTaken: 'PRODUCT_BARCODE_TAKEN',
  versionConflict: 'PRODUCT_VERSION_CONFLICT',
  limitReached: 'PRODUCT_LIMIT_REACHED',
  notDraft: 'PRODUCT_NOT_DRAFT',
  lastVariant: 'PRODUCT_LAST_VARIANT',
  invalidVariants: 'PRODUCT_VARIANTS_INVALID',
  invalidAttributes: 'PRODUCT_ATTRIBUTES_INVALID',
  categoryUnknown: 'PRODUCT_CATEGORY_UNKNOWN',
  brandUnknown: 'PRODUCT_BRAND_UNKNOWN',
  currencyMismatch: 'PRODUCT_CURRENCY_MISMATCH',
  optionsInvalid: 'PRODUCT_OPTIONS_INVALID',
} as const;

import { ConflictError, NotFoundError } from '@haat/common';

/** Stable error codes of stock levels and movements. Never rename one. */
export const STOCK_ERRORS = {
  skuNotFound: 'SKU_NOT_FOUND',
  insufficient: 'STOCK_INSUFFICIENT',
  belowReserved: 'STOCK_ADJUSTMENT_BELOW_RESERVED',
  vendorMismatch: 'SKU_VENDOR_MISMATCH',
  costCurrencyMismatch: 'SKU_COST_CURRENCY_MISMATCH',
} as const;

export function skuNotFound(skus: readonly string[]): NotFoundError {
  return new NotFoundError(STOCK_ERRORS.skuNotFound, `No stock was ever received for ${skus.join(', ')}`, {
    skus: [...skus],
  });
}

export function skuVendorMismatch(sku: string, skuVendorId: string | null, warehouseVendorId: string | null) {
  return new ConflictError(
    STOCK_ERRORS.vendorMismatch,
    `SKU ${sku} belongs to another vendor than the warehouse`,
    { sku, skuVendorId, warehouseVendorId },
  );
}

export function stockInsufficient(sku: string, requested: number, available: number, warehouseId?: string) {
  return new ConflictError(
    STOCK_ERRORS.insufficient,
    `Only ${available} of ${sku} available, ${requested} requested`,
    {
      sku,
      requested,
      available,
      ...(warehouseId ? { warehouseId } : {}),
    },
  );
}

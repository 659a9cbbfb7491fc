import { ForbiddenError, NotFoundError } from '@haat/common';

/** Stable error codes of warehouses. Never rename one. */
export const WAREHOUSE_ERRORS = {
  notFound: 'WAREHOUSE_NOT_FOUND',
  codeTaken: 'WAREHOUSE_CODE_TAKEN',
  hasStock: 'WAREHOUSE_HAS_STOCK',
  hasReservations: 'WAREHOUSE_HAS_RESERVATIONS',
  vendorForbidden: 'WAREHOUSE_VENDOR_FORBIDDEN',
} as const;

/** 404, also for a warehouse of another vendor than the caller's: its existence is not shown. */
export function warehouseNotFound(id: string): NotFoundError {
  return new NotFoundError(WAREHOUSE_ERRORS.notFound, 'No such warehouse', { id });
}

export function vendorForbidden(vendorId: string | null): ForbiddenError {
  return new ForbiddenError(
    WAREHOUSE_ERRORS.vendorForbidden,
    vendorId ? 'You cannot manage warehouses of this vendor' : 'Say which of your vendors owns the warehouse',
    { vendorId },
  );
}

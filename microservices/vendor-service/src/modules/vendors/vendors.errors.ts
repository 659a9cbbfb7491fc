import { ConflictError, ForbiddenError, NotFoundError } from '@haat/common';

/** Stable error codes of vendors: part of the public API, never renamed. */
export const VENDOR_ERRORS = {
  notFound: 'VENDOR_NOT_FOUND',
  accessDenied: 'VENDOR_ACCESS_DENIED',
  illegalTransition: 'VENDOR_ILLEGAL_TRANSITION',
  storeSlugTaken: 'VENDOR_STORE_SLUG_TAKEN',
  storeNotFound: 'VENDOR_STORE_NOT_FOUND',
  kycLocked: 'VENDOR_KYC_LOCKED',
} as const;

export function vendorNotFound(id: string): NotFoundError {
  return new NotFoundError(VENDOR_ERRORS.notFound, 'No such vendor', { id });
}

/** 403: the caller neither administers the marketplace nor works for (or owns) this vendor. */
export function vendorAccessDenied(id: string): ForbiddenError {
  return new ForbiddenError(VENDOR_ERRORS.accessDenied, 'You do not act for this vendor', { vendorId: id });
}

export function storeSlugTaken(slug: string): ConflictError {
  return new ConflictError(VENDOR_ERRORS.storeSlugTaken, `The store address ${slug} is taken`, { slug });
}

export function kycLocked(status: string, fields: readonly string[]): ConflictError {
  return new ConflictError(
    VENDOR_ERRORS.kycLocked,
    `${fields.join(', ')} cannot change while the vendor is ${status}; they change with a new submission after a rejection`,
    { status, fields: [...fields] },
  );
}

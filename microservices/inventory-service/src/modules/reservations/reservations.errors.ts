import { type AppError, ConflictError, NotFoundError } from '@haat/common';
import { STOCK_ERRORS } from '../stock/stock.errors.js';
import type { Reservation } from './dto/reservation.dto.js';

/** Stable error codes of reservations. Never rename one. */
export const RESERVATION_ERRORS = {
  notFound: 'RESERVATION_NOT_FOUND',
  expired: 'RESERVATION_EXPIRED',
  released: 'RESERVATION_RELEASED',
  rejected: 'RESERVATION_REJECTED',
  alreadyCommitted: 'RESERVATION_ALREADY_COMMITTED',
  orderMismatch: 'RESERVATION_ORDER_MISMATCH',
} as const;

export function reservationNotFound(orderId: string): NotFoundError {
  return new NotFoundError(RESERVATION_ERRORS.notFound, 'No reservation for this order', { orderId });
}

/** 409 for a commit of a reservation that no longer holds anything. */
export function notCommittable(r: Reservation): ConflictError {
  const code =
    r.status === 'expired'
      ? RESERVATION_ERRORS.expired
      : r.status === 'released'
        ? RESERVATION_ERRORS.released
        : RESERVATION_ERRORS.rejected;
  return new ConflictError(code, `The reservation for this order is ${r.status}; it cannot be committed`, {
    orderId: r.orderId,
    reservationId: r.id,
    status: r.status,
  });
}

export function alreadyCommitted(r: Reservation): ConflictError {
  return new ConflictError(
    RESERVATION_ERRORS.alreadyCommitted,
    'The order’s units already left stock; return them instead',
    { orderId: r.orderId, reservationId: r.id },
  );
}

export function orderMismatch(orderId: string): ConflictError {
  return new ConflictError(
    RESERVATION_ERRORS.orderMismatch,
    'This order already has a reservation for other lines',
    { orderId },
  );
}

/** What a rejected reservation answers with: 404 for unknown SKUs, 409 for too few units. */
export function rejectionError(r: Reservation): AppError {
  const details = { orderId: r.orderId, reservationId: r.id, shortages: r.rejection?.shortages ?? [] };
  if (r.rejection?.reason === 'unknown-sku') {
    const skus = details.shortages.map((s) => s.sku);
    return new NotFoundError(STOCK_ERRORS.skuNotFound, `No stock was ever received for ${skus.join(', ')}`, {
      ...details,
      skus,
    });
  }
  const summary = details.shortages.map((s) => `${s.sku}: ${s.available} of ${s.requested}`).join(', ');
  return new ConflictError(STOCK_ERRORS.insufficient, `Not enough stock (${summary})`, details);
}

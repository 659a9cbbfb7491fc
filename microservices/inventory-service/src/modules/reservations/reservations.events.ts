import {
  ReservationCommittedV1,
  ReservationReleasedV1,
  StockRejectedV1,
  StockReservedV1,
} from '@haat/contracts';
import { envelope, type EnvelopeContext } from '@haat/messaging';
import { allocatedLines, type Reservation } from './dto/reservation.dto.js';

// One reservation's events are ordered: aggregate `reservation`, id the reservation id.
const on = (r: Reservation) => ({ aggregateType: 'reservation', aggregateId: r.id });

export function stockReserved(ctx: EnvelopeContext, r: Reservation) {
  return envelope(StockReservedV1, ctx, {
    ...on(r),
    payload: { orderId: r.orderId, reservationId: r.id, expiresAt: r.expiresAt, lines: allocatedLines(r) },
  });
}

export function stockRejected(ctx: EnvelopeContext, r: Reservation) {
  return envelope(StockRejectedV1, ctx, {
    ...on(r),
    payload: {
      orderId: r.orderId,
      reservationId: r.id,
      reason: r.rejection?.reason ?? 'insufficient-stock',
      shortages: r.rejection?.shortages ?? [],
    },
  });
}

export function reservationCommitted(ctx: EnvelopeContext, r: Reservation) {
  return envelope(ReservationCommittedV1, ctx, {
    ...on(r),
    payload: { orderId: r.orderId, reservationId: r.id, lines: allocatedLines(r) },
  });
}

export function reservationReleased(ctx: EnvelopeContext, r: Reservation, reason: 'cancelled' | 'expired') {
  return envelope(ReservationReleasedV1, ctx, {
    ...on(r),
    payload: { orderId: r.orderId, reservationId: r.id, reason, lines: allocatedLines(r) },
  });
}

import { z } from 'zod';
import { defineEvent } from '../define-event.js';

/**
 * Command (the checkout saga after payment succeeded): take the order's reserved units out of
 * stock. Answered by `inventory.reservation-committed.v1`; a reservation that already expired or
 * was released cannot be committed (the saga sees no commit and compensates the payment).
 */
export const CommitReservationRequestedV1 = defineEvent(
  'inventory.commit-reservation-requested.v1',
  z.object({ orderId: z.string().uuid() }),
);

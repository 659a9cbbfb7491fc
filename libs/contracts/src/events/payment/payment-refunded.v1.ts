import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { PaymentMinorUnitsSchema, PaymentEventBaseSchema } from './payment-fields.js';

/**
 * A refund reached the customer (the provider confirmed it). `amountMinor` is this refund;
 * `refundedTotalMinor` all refunds of the intent so far; `fullyRefunded` when nothing is left.
 * Aggregate `payment-intent`, id the intent id.
 */
export const PaymentRefundedV1 = defineEvent(
  'payment.refunded.v1',
  PaymentEventBaseSchema.extend({
    refundId: z.string().uuid(),
    amountMinor: PaymentMinorUnitsSchema,
    refundedTotalMinor: PaymentMinorUnitsSchema,
    fullyRefunded: z.boolean(),
    refundedAt: z.string().datetime({ offset: true }),
  }),
);

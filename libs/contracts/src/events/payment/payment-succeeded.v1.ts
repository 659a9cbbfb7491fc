import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { PaymentMinorUnitsSchema, PaymentEventBaseSchema } from './payment-fields.js';

/**
 * The order's payment is captured (or, for cash on delivery, collected by the courier).
 * Consumers compare `amountMinor`/`currency` with the order total before committing it.
 * Aggregate `payment-intent`, id the intent id.
 */
export const PaymentSucceededV1 = defineEvent(
  'payment.succeeded.v1',
  PaymentEventBaseSchema.extend({
    amountMinor: PaymentMinorUnitsSchema,
    /** The provider's transaction id (bKash trxID, SSLCommerz bank_tran_id, Stripe charge, PayPal capture). */
    providerTransactionId: z.string().max(200).nullable(),
    succeededAt: z.string().datetime({ offset: true }),
  }),
);

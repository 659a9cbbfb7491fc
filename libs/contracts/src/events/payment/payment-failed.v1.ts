import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { PaymentMinorUnitsSchema, PaymentEventBaseSchema } from './payment-fields.js';

/**
 * The order's payment will not happen: declined, failed at the provider, denied by the fraud
 * checks (`reason` `RISK_DENIED` / `RISK_REJECTED`) or canceled (`outcome` `canceled`).
 * Aggregate `payment-intent`, id the intent id.
 */
export const PaymentFailedV1 = defineEvent(
  'payment.failed.v1',
  PaymentEventBaseSchema.extend({
    amountMinor: PaymentMinorUnitsSchema,
    outcome: z.enum(['failed', 'canceled']),
    /** A stable code: `CARD_DECLINED`, `INSUFFICIENT_FUNDS`, `RISK_DENIED`, `CUSTOMER_CANCELED`, … */
    reason: z.string().min(1).max(100),
    message: z.string().max(500).nullable(),
    failedAt: z.string().datetime({ offset: true }),
  }),
);

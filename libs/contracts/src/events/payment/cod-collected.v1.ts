import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { PaymentCurrencySchema, PaymentMinorUnitsSchema } from './payment-fields.js';

/**
 * The courier collected cash on delivery for an order (emitted by shipping-service when the
 * courier reports it). payment-service settles the order's cash-on-delivery payment with it.
 * Aggregate `shipment`, id the shipment id. Lives here until a shipping contracts folder exists.
 */
export const ShippingCodCollectedV1 = defineEvent(
  'shipping.cod-collected.v1',
  z.object({
    orderId: z.string().uuid(),
    shipmentId: z.string().min(1).max(200),
    amountMinor: PaymentMinorUnitsSchema,
    currency: PaymentCurrencySchema,
    courier: z.string().min(1).max(100),
    collectedAt: z.string().datetime({ offset: true }),
  }),
);

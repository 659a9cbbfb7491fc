import { z } from 'zod';

/** How a payment is made. */
export const PaymentMethodSchema = z.enum(['bkash', 'sslcommerz', 'stripe', 'paypal', 'cod']);
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>;

/** An amount in integer minor units, as a decimal string (bigint-safe in JSON). */
export const PaymentMinorUnitsSchema = z
  .string()
  .regex(/^\d{1,18}$/, 'must be integer minor units as a string');

/** An ISO 4217 currency code. */
export const PaymentCurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code');

/** Fields every payment event carries. */
export const PaymentEventBaseSchema = z.object({
  intentId: z.string().uuid(),
  orderId: z.string().uuid(),
  method: PaymentMethodSchema,
  currency: PaymentCurrencySchema,
});

import { z } from 'zod';
import { CurrencyCodeSchema, IdSchema } from '@haat/common';
import { PaymentMethodSchema } from '@haat/contracts';

const country = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code');

/** `POST /v1/payments/intents`: the payment of one order. */
export const CreateIntentSchema = z
  .object({
    orderId: IdSchema,
    method: PaymentMethodSchema,
    /** Integer minor units as a string: `"125050"` is ৳1,250.50. */
    amountMinor: z.string().regex(/^[1-9]\d{0,15}$/, 'must be positive integer minor units as a string'),
    currency: CurrencyCodeSchema,
    /** Storefront path the customer returns to after paying (same host). */
    returnPath: z
      .string()
      .max(500)
      .regex(/^\/(?![/\\])[^\s]*$/, 'must be a path on this shop, like /checkout/complete')
      .default('/checkout/complete'),
    description: z.string().min(1).max(200).optional(),
    /** A Stripe PaymentMethod from Stripe.js (`pm_…`): the payment is confirmed at once. */
    paymentToken: z
      .string()
      .regex(/^pm_[A-Za-z0-9_]{3,200}$/)
      .optional(),
    customer: z
      .object({
        name: z.string().min(1).max(100).optional(),
        email: z.string().email().max(200).optional(),
        phone: z
          .string()
          .regex(/^\+?[0-9 -]{5,20}$/, 'must be a phone number')
          .optional(),
      })
      .strict()
      .default({}),
    /** The storefront's device fingerprint (fraud velocity). */
    deviceId: z.string().min(1).max(200).optional(),
    shippingAddress: z
      .object({
        line1: z.string().min(1).max(200),
        city: z.string().min(1).max(100),
        postalCode: z.string().max(20).optional(),
        country,
      })
      .strict()
      .optional(),
    billingCountry: country.optional(),
  })
  .strict();
export type CreateIntentInput = z.output<typeof CreateIntentSchema>;

export const IntentIdParamsSchema = z.object({ id: IdSchema });

export const ListIntentsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(512).optional(),
  status: z.string().optional(),
  method: PaymentMethodSchema.optional(),
  orderId: IdSchema.optional(),
});
export type ListIntentsQuery = z.output<typeof ListIntentsQuerySchema>;

import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { InventoryQuantitySchema, InventorySkuSchema } from '../inventory/inventory-fields.js';

/** An amount in integer minor units, as a decimal string (bigint-safe in JSON). */
const MinorUnits = z.string().regex(/^\d{1,18}$/, 'must be integer minor units as a string');

/** Where an order is delivered. Bangladesh addresses name district (and area); `country` is ISO 3166-1 alpha-2. */
export const OrderShippingAddressSchema = z.object({
  line1: z.string().min(1).max(200),
  line2: z.string().max(200).nullable().optional(),
  /** Thana / upazila / city area, e.g. `Dhanmondi`, `Savar`. */
  area: z.string().max(100).nullable().optional(),
  /** One of Bangladesh's 64 districts (zila), e.g. `Dhaka`, `Chattogram`. */
  district: z.string().min(1).max(100),
  /** One of the 8 divisions, e.g. `Dhaka`. */
  division: z.string().max(100).nullable().optional(),
  postalCode: z.string().max(20).nullable().optional(),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as BD'),
  /** WGS 84 degrees, when the customer pinned the address; used to pick the nearest warehouse. */
  coordinates: z
    .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
    .nullable()
    .optional(),
});
export type OrderShippingAddress = z.infer<typeof OrderShippingAddressSchema>;

/** One vendor's part of an order: shipped as one parcel by that vendor's courier. */
export const OrderSubOrderSchema = z.object({
  subOrderId: z.string().uuid(),
  vendorId: z.string().uuid(),
  lines: z
    .array(
      z.object({
        sku: InventorySkuSchema,
        quantity: InventoryQuantitySchema,
        /** Weight of one unit in grams (packaging included). */
        weightGrams: z.number().int().nonnegative().max(1_000_000),
      }),
    )
    .min(1),
  /** The goods' value of this sub-order. */
  subtotalMinor: MinorUnits,
  /** What this parcel's courier collects in cash on delivery ("0" when prepaid). */
  codAmountMinor: MinorUnits,
});
export type OrderSubOrder = z.infer<typeof OrderSubOrderSchema>;

/**
 * The order is CONFIRMED (stock reserved, payment captured or cash on delivery accepted): ship
 * it. shipping-service creates one shipment per sub-order; notification-service tells the
 * customer in their `locale`. Aggregate `order`, id the order id.
 */
export const OrderConfirmedV1 = defineEvent(
  'order.confirmed.v1',
  z.object({
    orderId: z.string().uuid(),
    tenantId: z.string().uuid(),
    /** The order number customers see, e.g. `HT-2026-000123`. */
    orderNumber: z.string().min(1).max(50).optional(),
    customer: z.object({
      userId: z.string().max(100).nullable(),
      name: z.string().min(1).max(100),
      /** Bangladesh mobile number, 11 digits (`01XXXXXXXXX`), or E.164. */
      phone: z.string().min(6).max(20),
      email: z.string().email().nullable().optional(),
    }),
    shippingAddress: OrderShippingAddressSchema,
    /** BCP 47 language of the customer: `en` or `bn`. */
    locale: z.string().min(2).max(35),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'),
    paymentMethod: z.enum(['bkash', 'sslcommerz', 'stripe', 'paypal', 'cod']),
    /** Cash to collect over all parcels ("0" when prepaid); the sum of the sub-orders' shares. */
    codAmountMinor: MinorUnits,
    subOrders: z.array(OrderSubOrderSchema).min(1),
    confirmedAt: z.string().datetime({ offset: true }),
  }),
);

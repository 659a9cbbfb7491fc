import { CurrencyCodeSchema } from '@haat/common';
import { CourierSchema, ShippingZoneSchema } from '@haat/contracts';
import { z } from 'zod';

const minor = z.string().regex(/^\d{1,15}$/, 'must be integer minor units as a string');

export const QuoteDestinationSchema = z.strictObject({
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as BD')
    .default('BD'),
  division: z.string().max(100).nullable().optional(),
  district: z.string().trim().min(1).max(100),
  area: z.string().trim().max(100).nullable().optional(),
  coordinates: z
    .strictObject({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
    .nullable()
    .optional(),
});

/** `POST /v1/shipping/quotes`: what one vendor's parcel to this address costs (cart and checkout). */
export const QuoteRequestSchema = z.strictObject({
  vendorId: z.string().uuid(),
  destination: QuoteDestinationSchema,
  lines: z
    .array(
      z.strictObject({
        sku: z.string().max(100).optional(),
        quantity: z.number().int().positive().max(10_000),
        weightGrams: z.number().int().nonnegative().max(1_000_000),
      }),
    )
    .min(1)
    .max(200),
  /** The goods' value (for the free-shipping threshold). */
  subtotalMinor: minor,
  currency: CurrencyCodeSchema,
  cashOnDelivery: z.boolean().default(false),
  /** What the courier collects; defaults to the subtotal when paying on delivery. */
  codAmountMinor: minor.optional(),
});
export type QuoteRequest = z.output<typeof QuoteRequestSchema>;

export const QuoteSchema = z.object({
  vendorId: z.string().uuid(),
  zone: ShippingZoneSchema,
  courier: CourierSchema.nullable(),
  /** `courier`: the courier's own price plan; `rule`: the shop's slabs. */
  source: z.enum(['rule', 'courier']),
  weightGrams: z.number().int(),
  currency: z.string(),
  deliveryFeeMinor: z.string(),
  codFeeMinor: z.string(),
  discountMinor: z.string(),
  totalMinor: z.string(),
  freeShipping: z.boolean(),
  freeShippingThresholdMinor: z.string().nullable(),
});
export type Quote = z.infer<typeof QuoteSchema>;

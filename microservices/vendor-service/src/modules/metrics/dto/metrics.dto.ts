import { z } from 'zod';
import { PERFORMANCE_TIERS } from '../performance.calculator.js';

const DAY_MS = 86_400_000;
/** ISO 4217, as other services' events carry it. */
const CurrencySchema = z.string().regex(/^[A-Z]{3}$/);

/** `GET /v1/vendors/:id/metrics?from=&to=`: UTC days, `to` inclusive; the last 30 days by default. */
export const MetricsQuerySchema = z
  .strictObject({ from: z.iso.date().optional(), to: z.iso.date().optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= 366 * DAY_MS, {
    path: ['to'],
    message: 'the period may span at most 366 days',
  });
export type MetricsQuery = z.output<typeof MetricsQuerySchema>;

export const VendorMetricsSchema = z.object({
  vendorId: z.string().uuid(),
  period: z.object({ from: z.string(), to: z.string() }),
  sales: z.array(
    z.object({ currency: z.string(), gross: z.string(), returned: z.string(), net: z.string() }),
  ),
  orders: z.number().int(),
  shipped: z.number().int(),
  averageFulfilmentHours: z.number().nullable(),
  cancellationRate: z.number().nullable(),
  lateShipmentRate: z.number().nullable(),
  returnRate: z.number().nullable(),
  rating: z.object({ average: z.number().nullable(), count: z.number().int() }),
  performanceTier: z.enum(PERFORMANCE_TIERS),
  tierReasons: z.array(z.string()),
});
export type VendorMetrics = z.infer<typeof VendorMetricsSchema>;

/**
 * One fact for the metrics, as a consumer of order, shipping, return and review events records
 * it (`VendorMetricsService.record`); `id` is the event id, so a redelivery counts once.
 */
export const PerformanceFactSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('order_received'),
    id: z.string().uuid(),
    vendorId: z.string().uuid(),
    occurredAt: z.date(),
    orderId: z.string(),
    amountMinor: z.bigint().nonnegative(),
    currency: CurrencySchema,
  }),
  z.object({
    kind: z.literal('order_shipped'),
    id: z.string().uuid(),
    vendorId: z.string().uuid(),
    occurredAt: z.date(),
    orderId: z.string(),
    fulfilmentSeconds: z.number().int().nonnegative().nullable(),
    late: z.boolean().nullable(),
  }),
  z.object({
    kind: z.literal('order_cancelled_by_vendor'),
    id: z.string().uuid(),
    vendorId: z.string().uuid(),
    occurredAt: z.date(),
    orderId: z.string(),
  }),
  z.object({
    kind: z.literal('order_returned'),
    id: z.string().uuid(),
    vendorId: z.string().uuid(),
    occurredAt: z.date(),
    orderId: z.string(),
    /** The returned value, when known. */
    amountMinor: z.bigint().nonnegative().nullable(),
    currency: CurrencySchema.nullable(),
  }),
  z.object({
    kind: z.literal('review_rated'),
    id: z.string().uuid(),
    vendorId: z.string().uuid(),
    occurredAt: z.date(),
    rating: z.number().int().min(1).max(5),
  }),
]);
export type PerformanceFact = z.input<typeof PerformanceFactSchema>;

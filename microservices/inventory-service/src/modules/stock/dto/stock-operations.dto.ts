import { IdSchema, MoneySchema } from '@haat/common';
import { z } from 'zod';
import { QuantitySchema, ReasonSchema, SkuCodeSchema, uniqueSkus } from './stock-fields.js';

/** `POST /v1/stock/receipts`: units arriving at one warehouse; unknown SKUs are created. */
export const ReceiptSchema = z.strictObject({
  warehouseId: IdSchema,
  reason: ReasonSchema.optional(),
  /** The supplier's delivery note or purchase order, for the history. */
  reference: z.string().trim().min(1).max(100).optional(),
  lines: z
    .array(
      z.strictObject({
        sku: SkuCodeSchema,
        quantity: QuantitySchema,
        /** Cost of one unit (minor units); updates the SKU's moving average cost. */
        unitCost: MoneySchema.strict().optional(),
      }),
    )
    .min(1)
    .max(500)
    .superRefine(uniqueSkus),
});
export type ReceiptInput = z.output<typeof ReceiptSchema>;

/** `POST /v1/stock/adjustments`: a counted correction of units on hand, with its reason. */
export const AdjustmentSchema = z.strictObject({
  warehouseId: IdSchema,
  sku: SkuCodeSchema,
  delta: z
    .number()
    .int()
    .min(-1_000_000_000)
    .max(1_000_000_000)
    .refine((d) => d !== 0, 'must not be 0'),
  reason: ReasonSchema,
});
export type AdjustmentInput = z.output<typeof AdjustmentSchema>;

/** `POST /v1/stock/transfers`: units moving between two warehouses of the SKU's vendor. */
export const TransferSchema = z
  .strictObject({
    sku: SkuCodeSchema,
    fromWarehouseId: IdSchema,
    toWarehouseId: IdSchema,
    quantity: QuantitySchema,
    reason: ReasonSchema.optional(),
  })
  .refine((t) => t.fromWarehouseId !== t.toWarehouseId, {
    path: ['toWarehouseId'],
    message: 'must differ from fromWarehouseId',
  });
export type TransferInput = z.output<typeof TransferSchema>;

/** `POST /v1/stock/returns`: units a customer sent back, put on hand again. */
export const ReturnSchema = z.strictObject({
  warehouseId: IdSchema,
  sku: SkuCodeSchema,
  quantity: QuantitySchema,
  orderId: IdSchema.optional(),
  reason: ReasonSchema.optional(),
});
export type ReturnInput = z.output<typeof ReturnSchema>;

/** `PUT /v1/skus/:sku/low-stock-threshold`: null switches the alert off. */
export const ThresholdSchema = z.strictObject({
  threshold: z.number().int().min(0).max(1_000_000_000).nullable(),
});
export type ThresholdInput = z.output<typeof ThresholdSchema>;

import { z } from 'zod';
import { IdSchema } from '@haat/common';
import type { PaymentRefundRow } from '../refunds.schema.js';

/** `POST /v1/payments/intents/:id/refunds`: all that is left, or `amountMinor` of it. */
export const CreateRefundSchema = z
  .object({
    amountMinor: z
      .string()
      .regex(/^[1-9]\d{0,15}$/, 'must be positive integer minor units as a string')
      .optional(),
    reason: z.string().trim().min(1).max(255).default('Refund requested by the shop'),
  })
  .strict();
export type CreateRefundInput = z.output<typeof CreateRefundSchema>;

export const RefundIdParamsSchema = z.object({ id: IdSchema });

export const RefundsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(512).optional(),
});

export const RefundViewSchema = z.object({
  id: z.string().uuid(),
  intentId: z.string().uuid(),
  amountMinor: z.string(),
  currency: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed']),
  reason: z.string(),
  providerRefundId: z.string().nullable(),
  failureReason: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});
export type RefundView = z.infer<typeof RefundViewSchema>;

export function toRefundView(row: PaymentRefundRow): RefundView {
  return {
    id: row.id,
    intentId: row.intentId,
    amountMinor: row.amountMinor.toString(),
    currency: row.currency,
    status: row.status,
    reason: row.reason,
    providerRefundId: row.providerRefundId,
    failureReason: row.failureReason,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

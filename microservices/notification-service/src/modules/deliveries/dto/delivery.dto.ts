import {
  NotificationCategorySchema,
  NotificationChannelSchema,
  NotificationRecipientSchema,
} from '@haat/contracts';
import { pageSchema, PageQuerySchema } from '@haat/common';
import { z } from 'zod';
import {
  ATTEMPT_OUTCOMES,
  DELIVERY_STATUSES,
  type DeliveryAttemptRow,
  type DeliveryRow,
} from '../deliveries.schema.js';

export const ListDeliveriesQuerySchema = PageQuerySchema.extend({
  status: z.enum(DELIVERY_STATUSES).optional(),
  channel: NotificationChannelSchema.optional(),
  recipientKind: NotificationRecipientSchema.shape.kind.optional(),
  recipientRef: z.string().max(100).optional(),
}).strict();
export type ListDeliveriesQuery = z.infer<typeof ListDeliveriesQuerySchema>;

export const DeliveryIdSchema = z.object({ id: z.string().uuid() });

export const DeliverySchema = z.object({
  id: z.string().uuid(),
  channel: NotificationChannelSchema,
  category: NotificationCategorySchema,
  templateKey: z.string(),
  locale: z.string(),
  recipient: NotificationRecipientSchema.nullable(),
  destination: z.string(),
  subject: z.string().nullable(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  provider: z.string().nullable(),
  providerMessageId: z.string().nullable(),
  sourceEventId: z.string().nullable(),
  sourceEventType: z.string().nullable(),
  /** True once a one-time code's content was erased. */
  redacted: z.boolean(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Delivery = z.infer<typeof DeliverySchema>;
export const DeliveryPageSchema = pageSchema(DeliverySchema);

export const DeliveryAttemptSchema = z.object({
  attempt: z.number().int(),
  provider: z.string(),
  outcome: z.enum(ATTEMPT_OUTCOMES),
  providerMessageId: z.string().nullable(),
  errorCode: z.string().nullable(),
  error: z.string().nullable(),
  startedAt: z.string(),
  durationMs: z.number().int(),
});

export const DeliveryDetailSchema = DeliverySchema.extend({
  body: z.string().nullable(),
  html: z.string().nullable(),
  log: z.array(DeliveryAttemptSchema),
});
export type DeliveryDetail = z.infer<typeof DeliveryDetailSchema>;

export function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    channel: row.channel,
    category: row.category,
    templateKey: row.templateKey,
    locale: row.locale,
    recipient:
      row.recipientKind && row.recipientRef ? { kind: row.recipientKind, ref: row.recipientRef } : null,
    destination: row.destination,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    lastError: row.lastError,
    provider: row.provider,
    providerMessageId: row.providerMessageId,
    sourceEventId: row.sourceEventId,
    sourceEventType: row.sourceEventType,
    redacted: row.redactedAt !== null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export function toDeliveryDetail(row: DeliveryRow, log: DeliveryAttemptRow[]): DeliveryDetail {
  return {
    ...toDelivery(row),
    body: row.body,
    html: row.html,
    log: log.map((a) => ({
      attempt: a.attempt,
      provider: a.provider,
      outcome: a.outcome,
      providerMessageId: a.providerMessageId,
      errorCode: a.errorCode,
      error: a.error,
      startedAt: a.startedAt.toISOString(),
      durationMs: a.durationMs,
    })),
  };
}

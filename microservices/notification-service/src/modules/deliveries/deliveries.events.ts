import { NotificationDeliveredV1, NotificationDeliveryFailedV1 } from '@haat/contracts';
import { envelope } from '@haat/messaging';
import { PLATFORM_TENANT_ID } from '../../infrastructure/db/tenant-scope.js';
import type { DeliveryRow } from './deliveries.schema.js';

const on = (d: DeliveryRow, traceparent: string | undefined) => ({
  ctx: { tenantId: d.tenantId === PLATFORM_TENANT_ID ? null : d.tenantId, traceparent },
  fields: { aggregateType: 'notification-delivery', aggregateId: d.id },
});

function facts(d: DeliveryRow) {
  return {
    deliveryId: d.id,
    channel: d.channel,
    category: d.category,
    templateKey: d.templateKey,
    recipient: d.recipientKind && d.recipientRef ? { kind: d.recipientKind, ref: d.recipientRef } : null,
    sourceEventId: d.sourceEventId,
    sourceEventType: d.sourceEventType,
    attempts: d.attempts,
  };
}

export function deliveryDelivered(d: DeliveryRow, traceparent?: string) {
  const { ctx, fields } = on(d, traceparent);
  return envelope(NotificationDeliveredV1, ctx, {
    ...fields,
    payload: {
      ...facts(d),
      provider: d.provider ?? 'unknown',
      providerMessageId: d.providerMessageId,
      deliveredAt: (d.finishedAt ?? new Date()).toISOString(),
    },
  });
}

export function deliveryFailed(d: DeliveryRow, traceparent?: string) {
  const { ctx, fields } = on(d, traceparent);
  return envelope(NotificationDeliveryFailedV1, ctx, {
    ...fields,
    payload: {
      ...facts(d),
      status: d.status === 'dead' ? 'dead' : 'failed',
      reason: d.lastError ?? 'unknown',
      failedAt: (d.finishedAt ?? new Date()).toISOString(),
    },
  });
}

import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { NotificationDeliveryFactsSchema } from './notification-fields.js';

/**
 * A provider accepted one notification (an SMTP server, the SMS gateway, a push service).
 * Aggregate `notification-delivery`, id the delivery id.
 */
export const NotificationDeliveredV1 = defineEvent(
  'notification.delivered.v1',
  NotificationDeliveryFactsSchema.extend({
    provider: z.string(),
    providerMessageId: z.string().nullable(),
    deliveredAt: z.string().datetime({ offset: true }),
  }),
);

import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { NotificationDeliveryFactsSchema } from './notification-fields.js';

/**
 * A notification will not be delivered: refused for good (`failed`: bad address, template error,
 * expired code) or still failing after every retry (`dead`: replayable from the delivery log).
 * Aggregate `notification-delivery`, id the delivery id.
 */
export const NotificationDeliveryFailedV1 = defineEvent(
  'notification.delivery-failed.v1',
  NotificationDeliveryFactsSchema.extend({
    status: z.enum(['failed', 'dead']),
    reason: z.string(),
    failedAt: z.string().datetime({ offset: true }),
  }),
);

import type { NotificationChannel } from '@haat/contracts';

/** How an event notifies unless the tenant changed it. */
export interface DefaultRule {
  eventType: string;
  templateKey: string;
  channels: readonly NotificationChannel[];
  enabled: boolean;
  description: string;
}

/**
 * The events that notify someone, with their defaults. The order events' rules are ready for
 * when order-service publishes them; a tenant can already tune them.
 */
export const DEFAULT_RULES: ReadonlyMap<string, DefaultRule> = new Map(
  (
    [
      {
        eventType: 'inventory.low-stock.v1',
        templateKey: 'inventory.low-stock',
        channels: ['email'],
        enabled: true,
        description: 'A SKU fell to its low-stock threshold: tell its vendor, or the shop’s alert contact',
      },
      {
        eventType: 'order.confirmed.v1',
        templateKey: 'order.confirmed',
        channels: ['email', 'sms', 'push'],
        enabled: true,
        description: 'Tell the customer their order is confirmed',
      },
      {
        eventType: 'order.shipped.v1',
        templateKey: 'order.shipped',
        channels: ['email', 'sms', 'push'],
        enabled: true,
        description: 'Tell the customer a parcel is on its way',
      },
      {
        eventType: 'order.delivered.v1',
        templateKey: 'order.delivered',
        channels: ['email', 'push'],
        enabled: true,
        description: 'Tell the customer the order arrived',
      },
    ] satisfies DefaultRule[]
  ).map((r) => [r.eventType, r]),
);

import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { NotificationRecipient } from '@haat/contracts';
import { LowStockV1 } from '@haat/contracts';
import type { Tx } from '@haat/database';
import { EventConsumers } from '@haat/service';
import { scopeToTenant, tenantOf } from '../../infrastructure/db/tenant-scope.js';
import { NotificationDispatcher } from '../deliveries/notification.dispatcher.js';
import { RecipientsService } from '../recipients/recipients.service.js';

/** The shop's own alert desk: staff set its addresses at `/v1/notifications/recipients/tenant/alerts`. */
export const SHOP_ALERTS: NotificationRecipient = { kind: 'tenant', ref: 'alerts' };

/**
 * Tells the SKU's vendor (or, for the shop's own stock or a vendor without contacts, the shop's
 * alert desk) that stock is low, by the tenant's rule for `inventory.low-stock.v1`.
 */
@Injectable()
export class LowStockAlertConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly dispatcher: NotificationDispatcher,
    private readonly recipients: RecipientsService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      consumer: 'notification-service.alert-low-stock',
      events: [LowStockV1],
      handle: async (ctx, event, tx) => {
        const tenantId = tenantOf(ctx);
        await scopeToTenant(tx, tenantId);
        const p = event.payload;
        await this.dispatcher.dispatchByRule(
          tx,
          tenantId,
          event.type,
          [await this.alerted(tx, tenantId, p.vendorId)],
          {
            data: { sku: p.sku, available: p.available, threshold: p.threshold, onHand: p.onHand },
            dedupeKey: event.id,
            source: { eventId: event.id, eventType: event.type },
            traceparent: ctx.traceparent,
          },
        );
      },
    });
  }

  private async alerted(tx: Tx, tenantId: string, vendorId: string | null): Promise<NotificationRecipient> {
    if (!vendorId) return SHOP_ALERTS;
    const vendor: NotificationRecipient = { kind: 'vendor', ref: vendorId };
    const contact = await this.recipients.contactOf(tx, tenantId, vendor);
    return contact && (contact.email || contact.phone) ? vendor : SHOP_ALERTS;
  }
}

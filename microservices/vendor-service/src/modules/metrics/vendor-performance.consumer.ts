import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OrderConfirmedV1, ShipmentDeliveryFailedV1, ShipmentShippedV1 } from '@haat/contracts';
import type { Tx } from '@haat/database';
import { EventConsumers } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { derivedId } from '../../infrastructure/db/derived-id.js';
import { VendorLifecycle } from '../vendors/vendor-lifecycle.service.js';
import { VendorMetricsService } from './vendor-metrics.service.js';

const DAY_SECONDS = 86_400;

/**
 * Feeds seller performance from other services' events, once each (inbox):
 * `order.confirmed.v1` → an order received per vendor sub-order (its subtotal);
 * `shipping.shipped.v1` → shipped, with the fulfilment time since confirmation and whether it
 * took longer than the store's handling time; `shipping.delivery-failed.v1` with status
 * `returned` → a return. Cancellations by the vendor and ratings wait for order- and
 * review-service events (see the runbook).
 */
@Injectable()
export class VendorPerformanceConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly metrics: VendorMetricsService,
    private readonly lifecycle: VendorLifecycle,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      consumer: 'vendor-service.record-performance',
      events: [OrderConfirmedV1, ShipmentShippedV1, ShipmentDeliveryFailedV1],
      handle: async (ctx, event, tx) => {
        if (!ctx.tenantId) return;
        const tenant = ctx as TenantContext;
        if (event.type === OrderConfirmedV1.type) {
          await this.orderConfirmed(tenant, event.id, OrderConfirmedV1.schema.parse(event.payload), tx);
        } else if (event.type === ShipmentShippedV1.type) {
          await this.shipped(tenant, event.id, ShipmentShippedV1.schema.parse(event.payload), tx);
        } else if (event.type === ShipmentDeliveryFailedV1.type) {
          const p = ShipmentDeliveryFailedV1.schema.parse(event.payload);
          if (p.status === 'returned') await this.returned(tenant, event.id, p, tx);
        }
      },
    });
  }

  private async orderConfirmed(
    ctx: TenantContext,
    eventId: string,
    p: ReturnType<typeof OrderConfirmedV1.schema.parse>,
    tx: Tx,
  ): Promise<void> {
    for (const sub of p.subOrders) {
      await this.metrics.record(
        ctx,
        {
          kind: 'order_received',
          id: derivedId(eventId, sub.subOrderId),
          vendorId: sub.vendorId,
          occurredAt: new Date(p.confirmedAt),
          orderId: sub.subOrderId,
          amountMinor: BigInt(sub.subtotalMinor),
          currency: p.currency,
        },
        tx,
      );
    }
  }

  private async shipped(
    ctx: TenantContext,
    eventId: string,
    p: ReturnType<typeof ShipmentShippedV1.schema.parse>,
    tx: Tx,
  ): Promise<void> {
    const shippedAt = new Date(p.shippedAt);
    const order = await this.metrics.receivedOrder(tx, p.vendorId, p.subOrderId);
    const store = await this.lifecycle.findStore(tx, p.vendorId);
    const fulfilmentSeconds = order
      ? Math.max(0, Math.round((shippedAt.getTime() - order.at.getTime()) / 1000))
      : null;
    await this.metrics.record(
      ctx,
      {
        kind: 'order_shipped',
        id: eventId,
        vendorId: p.vendorId,
        occurredAt: shippedAt,
        orderId: p.subOrderId,
        fulfilmentSeconds,
        late:
          fulfilmentSeconds !== null && store
            ? fulfilmentSeconds > store.handlingTimeDays * DAY_SECONDS
            : null,
      },
      tx,
    );
  }

  private async returned(
    ctx: TenantContext,
    eventId: string,
    p: ReturnType<typeof ShipmentDeliveryFailedV1.schema.parse>,
    tx: Tx,
  ): Promise<void> {
    const order = await this.metrics.receivedOrder(tx, p.vendorId, p.subOrderId);
    await this.metrics.record(
      ctx,
      {
        kind: 'order_returned',
        id: eventId,
        vendorId: p.vendorId,
        occurredAt: new Date(p.failedAt),
        orderId: p.subOrderId,
        amountMinor: order?.amountMinor ?? null,
        currency: order?.currency ?? null,
      },
      tx,
    );
  }
}

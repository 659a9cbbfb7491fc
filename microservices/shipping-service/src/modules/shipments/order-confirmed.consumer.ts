import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OrderConfirmedV1 } from '@haat/contracts';
import { EventConsumers } from '@haat/service';
import { ShipmentCreationService } from './shipment-creation.service.js';

/** A confirmed order becomes one shipment per vendor sub-order (booked with the courier by the booking job). */
@Injectable()
export class OrderConfirmedConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly creation: ShipmentCreationService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      consumer: 'shipping-service.create-shipments',
      events: [OrderConfirmedV1],
      handle: async (ctx, event, tx) => {
        const tenantId = ctx.tenantId;
        if (!tenantId || tenantId !== event.payload.tenantId) {
          throw new Error(
            `order.confirmed.v1 ${event.id}: envelope tenant ${tenantId} ≠ payload tenant ${event.payload.tenantId}`,
          );
        }
        await this.creation.createFor(tx, tenantId, ctx.requestId, event.payload);
      },
    });
  }
}

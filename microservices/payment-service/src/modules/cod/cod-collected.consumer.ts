import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { type Clock, CLOCK } from '@haat/common';
import { ShippingCodCollectedV1 } from '@haat/contracts';
import { EventConsumers } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { IntentsService } from '../intents/intents.service.js';
import { PaymentSettlementService } from '../intents/payment-settlement.service.js';

/**
 * Settles cash on delivery when the courier reports the collection: the order's open COD intent
 * succeeds (`payment.succeeded.v1`) if the collected amount and currency match it. The inbox makes
 * a redelivered event a no-op; a mismatch stays on the intent's timeline for staff.
 */
@Injectable()
export class CodCollectedConsumer implements OnModuleInit {
  private readonly logger = new Logger('CodCollectedConsumer');

  constructor(
    private readonly consumers: EventConsumers,
    private readonly intents: IntentsService,
    private readonly settlement: PaymentSettlementService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      consumer: 'payment-service.settle-cod',
      events: [ShippingCodCollectedV1],
      handle: async (ctx, event, tx) => {
        if (!ctx.tenantId) return;
        const tenant = ctx as TenantContext;
        const p = event.payload;
        const row = await this.intents.findOpenCodInTx(tx, tenant.tenantId, p.orderId);
        if (!row) {
          this.logger.warn(
            { orderId: p.orderId, tenantId: tenant.tenantId },
            'Cash collected for an order without a cash-on-delivery payment',
          );
          return;
        }
        const result = await this.settlement.apply(
          tx,
          tenant,
          row,
          {
            status: 'captured',
            amountMinor: BigInt(p.amountMinor),
            currency: p.currency,
            providerTxnId: `${p.courier}:${p.shipmentId}`,
          },
          'courier',
        );
        if (result.outcome === 'rejected') {
          this.logger.warn(
            { orderId: p.orderId, intentId: row.id, at: this.clock.now().toISOString(), ...result.mismatch },
            'Collected cash does not match the payment',
          );
        }
      },
    });
  }
}

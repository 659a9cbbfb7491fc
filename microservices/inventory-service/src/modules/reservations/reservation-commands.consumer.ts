import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AppError } from '@haat/common';
import {
  CommitReservationRequestedV1,
  ReleaseReservationRequestedV1,
  ReserveStockRequestedV1,
} from '@haat/contracts';
import { EventConsumers, SERVICE_CONFIG } from '@haat/service';
import type { RequestContext, TenantContext } from '@haat/tenant';
import type { InventoryServiceConfig } from '../../config/inventory-service.config.js';
import { toReserveRequest } from './dto/reserve.dto.js';
import { ReservationSettlement } from './reservation.settlement.js';
import { ReservationWriter } from './reservation.writer.js';

/**
 * The checkout saga's commands, taken from the bus. Each runs in the consumer's inbox
 * transaction, so its effect and its reply event commit with the inbox row, exactly once.
 * A refusal the saga learns of otherwise (a commit after expiry: the expiry already emitted
 * `inventory.reservation-released.v1`) is logged and acknowledged, not retried.
 */
@Injectable()
export class ReservationCommandsConsumer implements OnModuleInit {
  private readonly logger = new Logger('ReservationCommandsConsumer');
  private readonly defaultTtlSeconds: number;

  constructor(
    private readonly consumers: EventConsumers,
    private readonly writer: ReservationWriter,
    private readonly settlement: ReservationSettlement,
    @Inject(SERVICE_CONFIG) config: InventoryServiceConfig,
  ) {
    this.defaultTtlSeconds = Math.max(1, Math.round(config.RESERVATION_TTL / 1000));
  }

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      consumer: 'inventory-service.reserve-stock',
      events: [ReserveStockRequestedV1],
      handle: async (ctx, event, tx) => {
        const tenant = this.tenantOf(ctx, event.type);
        if (!tenant) return;
        const request = toReserveRequest(event.payload, this.defaultTtlSeconds);
        const [result] = await this.writer.reserveMany(tx, tenant.tenantId, [{ ctx: tenant, request }]);
        if (result && 'error' in result) this.refused(event.type, event.payload.orderId, result.error);
      },
    });
    await this.consumers.register({
      consumer: 'inventory-service.commit-reservation',
      events: [CommitReservationRequestedV1],
      handle: async (ctx, event, tx) => {
        const tenant = this.tenantOf(ctx, event.type);
        if (!tenant) return;
        await this.settleOrLog(event.type, event.payload.orderId, async () => {
          const result = await this.settlement.commit(tx, tenant, event.payload.orderId);
          if (result.refusal) this.refused(event.type, event.payload.orderId, result.refusal);
        });
      },
    });
    await this.consumers.register({
      consumer: 'inventory-service.release-reservation',
      events: [ReleaseReservationRequestedV1],
      handle: async (ctx, event, tx) => {
        const tenant = this.tenantOf(ctx, event.type);
        if (!tenant) return;
        await this.settleOrLog(event.type, event.payload.orderId, async () => {
          await this.settlement.release(tx, tenant, event.payload.orderId, event.payload.reason ?? null);
        });
      },
    });
  }

  /** Commands are per tenant; one without a tenant is a producer's bug, acknowledged and logged. */
  private tenantOf(ctx: RequestContext, type: string): TenantContext | undefined {
    if (ctx.tenantId) return ctx as TenantContext;
    this.logger.error({ eventType: type, requestId: ctx.requestId }, 'command without a tenant ignored');
    return undefined;
  }

  /**
   * Business refusals (not found, conflict) are answers, not failures. They are thrown before
   * anything is written, so the transaction is still good to commit the inbox row.
   */
  private async settleOrLog(type: string, orderId: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (err) {
      if (err instanceof AppError && (err.kind === 'conflict' || err.kind === 'not_found')) {
        this.refused(type, orderId, err);
        return;
      }
      throw err;
    }
  }

  private refused(type: string, orderId: string, err: AppError): void {
    this.logger.warn({ eventType: type, orderId, code: err.code }, `command refused: ${err.message}`);
  }
}

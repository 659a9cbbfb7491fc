import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '@haat/database';
import { DATABASE, SERVICE_CONFIG } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import type { InventoryServiceConfig } from '../../config/inventory-service.config.js';
import { retryOnConflict } from '../../infrastructure/db/conflict-retry.js';
import { type Reservation, toReservation } from './dto/reservation.dto.js';
import { type ReserveInput, toReserveRequest } from './dto/reserve.dto.js';
import { ReservationBatcher } from './reservation.batcher.js';
import { ReservationSettlement } from './reservation.settlement.js';
import { rejectionError, reservationNotFound } from './reservations.errors.js';
import { ReservationsRepository } from './reservations.repository.js';

/** A reservation as a reserve call answers it: `replayed` when the order already had it. */
export interface ReserveAnswer {
  reservation: Reservation;
  replayed: boolean;
}

/** Reservations for orders: reserve, commit, release, look up — each idempotent by order id. */
@Injectable()
export class ReservationsService {
  private readonly defaultTtlSeconds: number;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(SERVICE_CONFIG) config: InventoryServiceConfig,
    private readonly batcher: ReservationBatcher,
    private readonly settlement: ReservationSettlement,
    private readonly repository: ReservationsRepository,
  ) {
    this.defaultTtlSeconds = Math.max(1, Math.round(config.RESERVATION_TTL / 1000));
  }

  /**
   * Holds the lines for the order, or answers with the order's existing reservation. A
   * rejected reservation answers 409 `STOCK_INSUFFICIENT` (or 404 `SKU_NOT_FOUND`), now and on
   * every repeat.
   */
  async reserve(ctx: TenantContext, input: ReserveInput): Promise<ReserveAnswer> {
    const result = await this.batcher.submit(ctx, toReserveRequest(input, this.defaultTtlSeconds));
    if ('error' in result) throw result.error;
    if (result.reservation.status === 'rejected') throw rejectionError(result.reservation);
    return result;
  }

  async get(ctx: TenantContext, orderId: string): Promise<Reservation> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const [row] = await this.repository.findByOrders(tx, ctx.tenantId, [orderId]);
      if (!row) throw reservationNotFound(orderId);
      return toReservation(row, await this.repository.allocationsOf(tx, ctx.tenantId, [row.id]));
    });
  }

  /** Takes the reserved units out of stock (payment succeeded). 409 once it expired or was released. */
  async commit(ctx: TenantContext, orderId: string): Promise<Reservation> {
    const result = await retryOnConflict(() =>
      this.database.withTenant(ctx.tenantId, (tx) => this.settlement.commit(tx, ctx, orderId)),
    );
    // The expiry a late commit found is kept (committed above); the commit itself is refused.
    if (result.refusal) throw result.refusal;
    return result.reservation;
  }

  /** Gives the reserved units back (order cancelled). 409 once they were committed. */
  async release(ctx: TenantContext, orderId: string, reason: string | null): Promise<Reservation> {
    const result = await retryOnConflict(() =>
      this.database.withTenant(ctx.tenantId, (tx) => this.settlement.release(tx, ctx, orderId, reason)),
    );
    return result.reservation;
  }
}

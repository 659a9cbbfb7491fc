import { Injectable } from '@nestjs/common';
import { type AppError, InternalError, newId } from '@haat/common';
import type { EventEnvelope } from '@haat/contracts';
import type { Tx } from '@haat/database';
import { addToOutbox } from '@haat/messaging';
import type { TenantContext } from '@haat/tenant';
import { actorOf } from '../../infrastructure/auth/tenant-context.js';
import { StockLedger } from '../stock/stock.ledger.js';
import { type Reservation, toReservation } from './dto/reservation.dto.js';
import { canTransition } from './reservation.machine.js';
import { alreadyCommitted, notCommittable, reservationNotFound } from './reservations.errors.js';
import { reservationCommitted, reservationReleased } from './reservations.events.js';
import { ReservationsRepository } from './reservations.repository.js';
import type { ReservationRow } from './reservations.schema.js';

/**
 * What a commit or release did. `refusal` is set when the request cannot be granted although
 * something changed and must be kept (a commit that found its reservation lapsed expired it):
 * commit the transaction, then report the refusal.
 */
export interface SettleResult {
  reservation: Reservation;
  /** False when the reservation already was in the asked state (a repeat). */
  changed: boolean;
  refusal?: AppError;
}

type Ending = 'committed' | 'released' | 'expired';

/**
 * Ends reservations: commit (the units leave stock), release (they are free again) and expiry.
 * Each locks the reservation row first, so a commit, a release and the sweeper never both act
 * on one reservation; each is idempotent by the reservation's status.
 */
@Injectable()
export class ReservationSettlement {
  constructor(
    private readonly repository: ReservationsRepository,
    private readonly ledger: StockLedger,
  ) {}

  /** Commits the order's reservation: 404 without one, 409 when it no longer holds stock. */
  async commit(tx: Tx, ctx: TenantContext, orderId: string): Promise<SettleResult> {
    const row = await this.repository.lockByOrder(tx, ctx.tenantId, orderId);
    if (!row) throw reservationNotFound(orderId);
    if (row.status === 'committed') return { reservation: await this.view(tx, row), changed: false };
    if (!canTransition(row.status, 'committed')) throw notCommittable(await this.view(tx, row));
    // Past its expiry by the database clock, though the sweeper has not come by yet.
    if (row.lapsed) {
      const [expired] = await this.settle(tx, ctx, [row], 'expired', 'expired');
      return {
        reservation: expired as Reservation,
        changed: true,
        refusal: notCommittable(expired as Reservation),
      };
    }
    const [committed] = await this.settle(tx, ctx, [row], 'committed', null);
    return { reservation: committed as Reservation, changed: true };
  }

  /**
   * Releases the order's reservation. Without one it leaves a `released` tombstone, so a
   * reserve arriving after the cancellation (out of order) holds nothing.
   */
  async release(tx: Tx, ctx: TenantContext, orderId: string, reason: string | null): Promise<SettleResult> {
    let row = await this.repository.lockByOrder(tx, ctx.tenantId, orderId);
    if (!row) {
      const tombstone = await this.repository.insertTombstone(tx, {
        id: newId(),
        tenantId: ctx.tenantId,
        orderId,
        releaseReason: reason,
      });
      if (tombstone) {
        const reservation = toReservation(tombstone, []);
        await addToOutbox(tx, reservationReleased(ctx, reservation, 'cancelled'));
        return { reservation, changed: true };
      }
      // A reserve committed the order's reservation meanwhile: release that one.
      row = await this.repository.lockByOrder(tx, ctx.tenantId, orderId);
      if (!row) throw new InternalError('RESERVATION_VANISHED', 'The order’s reservation disappeared');
    }
    if (row.status === 'committed') throw alreadyCommitted(await this.view(tx, row));
    if (!canTransition(row.status, 'released'))
      return { reservation: await this.view(tx, row), changed: false };
    const [released] = await this.settle(tx, ctx, [row], 'released', reason);
    return { reservation: released as Reservation, changed: true };
  }

  /** Expires reservations the sweeper claimed (all of `ctx`'s tenant, locked by the caller). */
  expire(tx: Tx, ctx: TenantContext, rows: readonly ReservationRow[]): Promise<Reservation[]> {
    return this.settle(tx, ctx, rows, 'expired', 'expired');
  }

  /**
   * Gives back (or takes out of stock, for a commit) the units of active reservations, marks
   * them, and writes their events. The SKUs of all of them are locked together, in SKU order.
   */
  private async settle(
    tx: Tx,
    ctx: TenantContext,
    rows: readonly ReservationRow[],
    ending: Ending,
    reason: string | null,
  ): Promise<Reservation[]> {
    const allocations = await this.repository.allocationsOf(
      tx,
      ctx.tenantId,
      rows.map((r) => r.id),
    );
    const session = await this.ledger.open(
      tx,
      ctx.tenantId,
      allocations.map((a) => a.sku),
    );
    const events: EventEnvelope[] = [];
    const settled: Reservation[] = [];
    for (const row of rows) {
      const own = allocations.filter((a) => a.reservationId === row.id);
      for (const a of own) {
        const after = session.apply({
          warehouseId: a.warehouseId,
          sku: a.sku,
          type: ending === 'committed' ? 'commit' : 'release',
          onHandDelta: ending === 'committed' ? -a.quantity : 0,
          reservedDelta: -a.quantity,
          actor: actorOf(ctx),
          reason: ending === 'committed' ? null : reason,
          reference: { type: 'order', id: row.orderId },
        });
        if (!after) {
          throw new InternalError('STOCK_LEDGER_DRIFT', `Reserved units of ${a.sku} are missing`, {
            sku: a.sku,
            warehouseId: a.warehouseId,
          });
        }
      }
      const marked = await this.repository.markSettled(tx, ctx.tenantId, row.id, ending, reason);
      const reservation = toReservation(marked, own);
      events.push(
        ending === 'committed'
          ? reservationCommitted(ctx, reservation)
          : reservationReleased(ctx, reservation, ending === 'expired' ? 'expired' : 'cancelled'),
      );
      settled.push(reservation);
    }
    events.push(...(await session.close(ctx)));
    await addToOutbox(tx, events);
    return settled;
  }

  private async view(tx: Tx, row: ReservationRow): Promise<Reservation> {
    return toReservation(row, await this.repository.allocationsOf(tx, row.tenantId, [row.id]));
  }
}

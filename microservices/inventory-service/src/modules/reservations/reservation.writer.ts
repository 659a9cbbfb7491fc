import { Injectable } from '@nestjs/common';
import { type AppError, InternalError, newId } from '@haat/common';
import type { EventEnvelope } from '@haat/contracts';
import type { Tx } from '@haat/database';
import { addToOutbox } from '@haat/messaging';
import type { TenantContext } from '@haat/tenant';
import { actorOf } from '../../infrastructure/auth/tenant-context.js';
import { type StockSession, StockLedger } from '../stock/stock.ledger.js';
import { type PlannedAllocation, planLine, type StockCandidate } from './allocation.planner.js';
import { type Reservation, toReservation } from './dto/reservation.dto.js';
import { type ReserveRequest, sameLines } from './dto/reserve.dto.js';
import { orderMismatch } from './reservations.errors.js';
import { stockRejected, stockReserved } from './reservations.events.js';
import { ReservationsRepository } from './reservations.repository.js';
import type {
  ReservationAllocationRow,
  ReservationRow,
  StoredLine,
  StoredRejection,
} from './reservations.schema.js';

/** One reservation request and who made it. */
export interface ReserveItem {
  ctx: TenantContext;
  request: ReserveRequest;
}

/** What became of one request: its reservation (new, or the order's existing one), or a refusal. */
export type ReserveResult = { reservation: Reservation; replayed: boolean } | { error: AppError };

interface Fresh {
  index: number;
  item: ReserveItem;
  row: ReservationRow;
}

interface PlannedLine {
  line: StoredLine;
  allocations: PlannedAllocation[];
}

type OrderPlan = { kind: 'planned'; lines: PlannedLine[] } | { kind: 'rejected'; rejection: StoredRejection };

/**
 * Reserves stock for several orders of one tenant inside one transaction (a group commit, see
 * ADR 0020). Per order: claim the order id (unique), then — with the SKUs locked for the whole
 * transaction — plan each line against the free units and take them with conditional updates;
 * an order that cannot be filled completely takes nothing and is recorded as rejected. Every
 * outcome's event goes to the outbox in the same transaction.
 */
@Injectable()
export class ReservationWriter {
  constructor(
    private readonly repository: ReservationsRepository,
    private readonly ledger: StockLedger,
  ) {}

  async reserveMany(tx: Tx, tenantId: string, items: readonly ReserveItem[]): Promise<ReserveResult[]> {
    const ids = items.map(() => newId());
    const claimed = await this.repository.claim(
      tx,
      tenantId,
      items.map(({ request }, i) => ({
        id: ids[i] as string,
        orderId: request.orderId,
        lines: request.lines,
        shipTo: request.shipTo,
        ttlSeconds: request.ttlSeconds,
      })),
    );
    const claimedById = new Map(claimed.map((c) => [c.id, c]));
    const fresh: Fresh[] = items.flatMap((item, index) => {
      const c = claimedById.get(ids[index] as string);
      return c ? [{ index, item, row: newRow(tenantId, c, item.request) }] : [];
    });

    const session = await this.ledger.open(
      tx,
      tenantId,
      fresh.flatMap((f) => f.item.request.lines.map((l) => l.sku)),
    );
    const results: ReserveResult[] = new Array(items.length);
    const allocations: ReservationAllocationRow[] = [];
    const events: EventEnvelope[] = [];
    const rejected: { id: string; rejection: StoredRejection }[] = [];
    for (const f of fresh) {
      const plan = this.planOrder(session, f.item.request);
      if (plan.kind === 'rejected') {
        const { rejection } = plan;
        rejected.push({ id: f.row.id, rejection });
        const reservation = toReservation({ ...f.row, status: 'rejected', rejection }, []);
        events.push(stockRejected(f.item.ctx, reservation));
        results[f.index] = { reservation, replayed: false };
        continue;
      }
      const taken = this.take(session, f, plan.lines);
      allocations.push(...taken);
      const reservation = toReservation(f.row, taken);
      events.push(stockReserved(f.item.ctx, reservation));
      results[f.index] = { reservation, replayed: false };
    }
    await this.repository.markRejected(tx, tenantId, rejected);
    await this.repository.insertAllocations(tx, tenantId, allocations);
    const first = items[0];
    if (first) events.push(...(await session.close(first.ctx)));
    await addToOutbox(tx, events);

    const repeats = items.map((item, index) => ({ item, index })).filter(({ index }) => !results[index]);
    if (repeats.length > 0) await this.answerRepeats(tx, tenantId, repeats, results);
    return results;
  }

  /**
   * Where every line of the order would come from, planned against the free units as they are
   * now, each line after the ones before it (an order may name a SKU twice); or why it cannot
   * be filled completely.
   */
  private planOrder(session: StockSession, request: ReserveRequest): OrderPlan {
    const unknown = session.unknown(request.lines.map((l) => l.sku));
    if (unknown.length > 0) {
      const shortages = request.lines
        .filter((l) => unknown.includes(l.sku))
        .map((l) => ({ sku: l.sku, requested: l.quantity, available: 0 }));
      return { kind: 'rejected', rejection: { reason: 'unknown-sku', shortages } };
    }
    const planned = new Map<string, number>();
    const lines: PlannedLine[] = [];
    const shortages: StoredRejection['shortages'] = [];
    for (const line of request.lines) {
      const candidates = this.candidatesFor(session, line, planned);
      const plan = planLine(candidates, line.quantity, request.shipTo);
      if (plan.kind === 'short') {
        shortages.push({ sku: line.sku, requested: line.quantity, available: plan.available });
        continue;
      }
      for (const a of plan.allocations) {
        const key = `${a.warehouseId}|${line.sku}`;
        planned.set(key, (planned.get(key) ?? 0) + a.quantity);
      }
      lines.push({ line, allocations: plan.allocations });
    }
    return shortages.length > 0
      ? { kind: 'rejected', rejection: { reason: 'insufficient-stock', shortages } }
      : { kind: 'planned', lines };
  }

  /** The warehouses that may serve the line: active, the line's vendor's, with units not yet planned. */
  private candidatesFor(
    session: StockSession,
    line: StoredLine,
    planned: Map<string, number>,
  ): StockCandidate[] {
    return session
      .levelsOf(line.sku)
      .filter((l) => l.active && (line.vendorId === null || l.vendorId === line.vendorId))
      .map((l) => ({
        warehouseId: l.warehouseId,
        vendorId: l.vendorId,
        available: l.onHand - l.reserved - (planned.get(`${l.warehouseId}|${line.sku}`) ?? 0),
        latitude: l.latitude,
        longitude: l.longitude,
      }))
      .filter((c) => c.available > 0);
  }

  /** Takes the planned units; the plan was made under the SKU locks, so a refusal means the ledger drifted. */
  private take(session: StockSession, f: Fresh, lines: readonly PlannedLine[]): ReservationAllocationRow[] {
    const { ctx, request } = f.item;
    const taken: ReservationAllocationRow[] = [];
    for (const { line, allocations } of lines) {
      for (const a of allocations) {
        const after = session.apply({
          warehouseId: a.warehouseId,
          sku: line.sku,
          type: 'reservation',
          onHandDelta: 0,
          reservedDelta: a.quantity,
          actor: actorOf(ctx),
          reference: { type: 'order', id: request.orderId },
        });
        if (!after) throw drift(line.sku);
        const same = taken.find((t) => t.sku === line.sku && t.warehouseId === a.warehouseId);
        if (same) same.quantity += a.quantity;
        else {
          taken.push({
            tenantId: f.row.tenantId,
            reservationId: f.row.id,
            sku: line.sku,
            warehouseId: a.warehouseId,
            vendorId: a.vendorId,
            quantity: a.quantity,
          });
        }
      }
    }
    return taken;
  }

  /** Orders that already had a reservation get it back, unless they now ask for other lines. */
  private async answerRepeats(
    tx: Tx,
    tenantId: string,
    repeats: readonly { item: ReserveItem; index: number }[],
    results: ReserveResult[],
  ): Promise<void> {
    const rows = await this.repository.findByOrders(
      tx,
      tenantId,
      repeats.map((r) => r.item.request.orderId),
    );
    const allocations = await this.repository.allocationsOf(
      tx,
      tenantId,
      rows.map((r) => r.id),
    );
    for (const { item, index } of repeats) {
      const row = rows.find((r) => r.orderId === item.request.orderId);
      if (!row) throw new InternalError('RESERVATION_CLAIM_LOST', 'A claimed order has no reservation');
      // A tombstone (cancelled first) has no lines and answers any lines with its status.
      if (row.lines.length > 0 && !sameLines(row.lines, item.request.lines)) {
        results[index] = { error: orderMismatch(item.request.orderId) };
        continue;
      }
      results[index] = {
        reservation: toReservation(
          row,
          allocations.filter((a) => a.reservationId === row.id),
        ),
        replayed: true,
      };
    }
  }
}

/** The row a claim inserted, as it now stands in the database. */
function newRow(
  tenantId: string,
  claimed: { id: string; createdAt: Date; expiresAt: Date },
  request: ReserveRequest,
): ReservationRow {
  return {
    id: claimed.id,
    tenantId,
    orderId: request.orderId,
    status: 'active',
    lines: request.lines,
    shipTo: request.shipTo,
    expiresAt: claimed.expiresAt,
    rejection: null,
    releaseReason: null,
    createdAt: claimed.createdAt,
    updatedAt: claimed.createdAt,
    committedAt: null,
    releasedAt: null,
  };
}

function drift(sku: string): InternalError {
  return new InternalError('STOCK_LEDGER_DRIFT', `Stock of ${sku} changed under a held lock`, { sku });
}

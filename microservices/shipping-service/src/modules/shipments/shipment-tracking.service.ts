import { Injectable } from '@nestjs/common';
import { newId } from '@haat/common';
import type { EventEnvelope, ShipmentStatus } from '@haat/contracts';
import type { Tx } from '@haat/database';
import { addToOutbox } from '@haat/messaging';
import { canMove, crossesShipped, FAILURE_STATUSES, isDelivered } from './shipment.machine.js';
import type { BookedParcel } from '../../infrastructure/couriers/courier-gateway.js';
import {
  codCollected,
  deliveryFailed,
  shipmentCreated,
  shipmentDelivered,
  shipmentShipped,
} from './shipments.events.js';
import { ShipmentsRepository } from './shipments.repository.js';
import type { NewShipmentRow, ShipmentRow } from './shipments.schema.js';

/** One status report about a shipment, from a verified webhook or a poll. */
export interface StatusReport {
  source: 'webhook' | 'poll';
  dedupeKey: string;
  courierStatus: string;
  /** What it means; null keeps the status (hold, tracking messages). */
  status: ShipmentStatus | null;
  message: string | null;
  occurredAt: Date | null;
  collectedAmountMinor: bigint | null;
}

/** What a report did: moved the shipment, was kept on the timeline only, was older news, or was seen before. */
export type ReportOutcome = 'moved' | 'kept' | 'stale' | 'duplicate';

/**
 * Applies courier status reports to a shipment, in the caller's transaction, with the shipment
 * row locked: each report is recorded once (a duplicate changes nothing), only a later status
 * moves the shipment (never backwards), and the milestones crossed emit their events through
 * the outbox — shipped once, delivered and COD collected once, failures as they come.
 */
@Injectable()
export class ShipmentTrackingService {
  constructor(private readonly repo: ShipmentsRepository) {}

  async apply(
    tx: Tx,
    shipmentId: string,
    tenantId: string,
    report: StatusReport,
    now: Date,
  ): Promise<ReportOutcome> {
    const row = await this.repo.lock(tx, tenantId, shipmentId);
    if (!row) throw new Error(`Shipment ${shipmentId} vanished`);
    const next = report.status;
    const moves = next !== null && canMove(row.status, next);
    const applied = next === null ? 'kept' : moves ? 'moved' : 'stale';
    const fresh = await this.repo.addEvent(tx, {
      id: newId(),
      tenantId,
      shipmentId,
      source: report.source,
      dedupeKey: report.dedupeKey.slice(0, 500),
      courierStatus: report.courierStatus.slice(0, 100),
      status: next,
      applied,
      message: report.message,
      occurredAt: report.occurredAt,
      receivedAt: now,
    });
    if (!fresh) return 'duplicate';
    if (!moves || next === null) return applied;
    await this.move(tx, row, next, report, now);
    return 'moved';
  }

  /**
   * Records the courier's booking of a pending shipment (from its answer, or from a webhook
   * naming our reference after an answer was lost) with `shipping.shipment-created.v1`.
   * False when the shipment is no longer pending (booked already).
   */
  async markBooked(
    tx: Tx,
    shipmentId: string,
    tenantId: string,
    booked: BookedParcel,
    now: Date,
  ): Promise<boolean> {
    const row = await this.repo.lock(tx, tenantId, shipmentId);
    if (!row || row.status !== 'pending') return false;
    const updated = await this.repo.update(tx, tenantId, shipmentId, {
      status: 'booked',
      consignmentId: booked.consignmentId,
      trackingId: booked.trackingId,
      courierStatus: booked.courierStatus,
      bookedAt: now,
      nextAttemptAt: null,
      bookingError: null,
      updatedAt: now,
    });
    await this.repo.addEvent(tx, {
      id: newId(),
      tenantId,
      shipmentId,
      source: 'booking',
      dedupeKey: 'booking',
      courierStatus: booked.courierStatus.slice(0, 100),
      status: 'booked',
      applied: 'moved',
      message: null,
      occurredAt: now,
      receivedAt: now,
    });
    await addToOutbox(tx, shipmentCreated(updated, now));
    return true;
  }

  /** The courier refused the parcel for good: `booking_failed` with `shipping.delivery-failed.v1`. */
  async markBookingFailed(
    tx: Tx,
    shipmentId: string,
    tenantId: string,
    reason: string,
    now: Date,
  ): Promise<void> {
    const row = await this.repo.lock(tx, tenantId, shipmentId);
    if (!row || row.status !== 'pending') return;
    const updated = await this.repo.update(tx, tenantId, shipmentId, {
      status: 'booking_failed',
      bookingError: reason.slice(0, 1000),
      nextAttemptAt: null,
      failedAt: now,
      updatedAt: now,
    });
    await addToOutbox(tx, deliveryFailed(updated, 'booking_failed', reason, now));
  }

  private async move(
    tx: Tx,
    row: ShipmentRow,
    next: ShipmentStatus,
    report: StatusReport,
    now: Date,
  ): Promise<void> {
    const at = report.occurredAt ?? now;
    const changes: Partial<NewShipmentRow> = {
      status: next,
      courierStatus: report.courierStatus,
      updatedAt: now,
    };
    const shipped = crossesShipped(row.status, next);
    if (shipped) changes.shippedAt = at;
    const delivered = isDelivered(next);
    const collected =
      delivered && row.codAmountMinor > 0n ? (report.collectedAmountMinor ?? row.codAmountMinor) : 0n;
    if (delivered) {
      changes.deliveredAt = at;
      if (collected > 0n) changes.codCollectedMinor = collected;
    }
    if (FAILURE_STATUSES.has(next)) changes.failedAt = at;
    const updated = await this.repo.update(tx, row.tenantId, row.id, changes);
    const events: EventEnvelope[] = [];
    if (shipped) events.push(shipmentShipped(updated, at));
    if (delivered) {
      events.push(shipmentDelivered(updated, at));
      if (collected > 0n) events.push(codCollected(updated, collected, at));
    }
    if (FAILURE_STATUSES.has(next)) events.push(deliveryFailed(updated, next, report.message, at));
    await addToOutbox(tx, events);
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Clock, CLOCK } from '@haat/common';
import type { Database } from '@haat/database';
import { DATABASE, SERVICE_CONFIG } from '@haat/service';
import type { ShippingServiceConfig } from '../../config/shipping-service.config.js';
import type { CourierParcel } from '../../infrastructure/couriers/courier-gateway.js';
import { CourierGateways } from '../../infrastructure/couriers/courier-gateways.js';
import { CourierRejectedError } from '../../infrastructure/couriers/courier.errors.js';
import { PeriodicTask } from '../../infrastructure/jobs/periodic-task.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { LabelService } from '../labels/label.service.js';
import { ShipmentTrackingService } from './shipment-tracking.service.js';
import { ShipmentsRepository } from './shipments.repository.js';
import type { ShipmentRow } from './shipments.schema.js';

/** How long a claimed shipment is left to one instance before another may retry it. */
const LEASE_MS = 60_000;

function backoffMs(attempt: number): number {
  return Math.min(30 * 60_000, 5_000 * 2 ** Math.max(0, attempt - 1));
}

export function parcelOf(row: ShipmentRow): CourierParcel {
  return {
    reference: row.id,
    recipient: {
      name: row.recipient.name,
      phone: row.recipient.phone,
      address: row.recipient.address,
      district: row.recipient.district,
      area: row.recipient.area,
    },
    codAmountMinor: row.codAmountMinor,
    weightGrams: row.weightGrams,
    itemCount: row.itemCount,
    description: row.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', '),
    warehouseId: row.warehouseId,
    note: row.orderNumber ? `Order ${row.orderNumber}` : undefined,
  };
}

/**
 * Books pending shipments with their couriers, outside any transaction (a courier call may be
 * slow), then renders the missing labels. A claim leases a shipment to one instance; a refusal
 * is final (`booking_failed`), an outage is retried with backoff up to
 * `SHIPPING_BOOKING_MAX_ATTEMPTS`; after a lost answer the courier is asked whether it has the
 * parcel before booking again (Steadfast by invoice; Pathao announces it by webhook).
 */
@Injectable()
export class ShipmentBookingJob {
  private readonly logger = new Logger('ShipmentBookingJob');
  private readonly task: PeriodicTask;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(SERVICE_CONFIG) private readonly config: ShippingServiceConfig,
    private readonly repo: ShipmentsRepository,
    private readonly accounts: AccountsService,
    private readonly gateways: CourierGateways,
    private readonly tracking: ShipmentTrackingService,
    private readonly labels: LabelService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.task = new PeriodicTask(
      config.SHIPPING_BOOKING_INTERVAL,
      () => this.runOnce().then(() => undefined),
      (err) => this.logger.error({ err }, 'booking round failed'),
    );
  }

  start(): void {
    this.task.start();
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  /** One round: book what is due, then label what is booked. */
  async runOnce(): Promise<{ booked: number; labelled: number }> {
    const now = this.clock.now();
    const claimed = await this.database.transaction((tx) =>
      this.repo.claimDue(tx, now, new Date(now.getTime() + LEASE_MS), this.config.SHIPPING_BOOKING_BATCH),
    );
    let booked = 0;
    for (const row of claimed) if (await this.book(row)) booked += 1;
    const labelled = await this.labels.renderMissing(this.config.SHIPPING_BOOKING_BATCH);
    return { booked, labelled };
  }

  private async book(row: ShipmentRow): Promise<boolean> {
    const account = await this.database.withTenant(row.tenantId, (tx) =>
      this.accounts.openIn(tx, row.tenantId, row.accountId),
    );
    if (!account) {
      await this.fail(row, 'The courier account was removed');
      return false;
    }
    const gateway = this.gateways.of(row.courier);
    try {
      if (row.bookingAttempts > 1 && (await gateway.exists(account, row.id)) === true) {
        await this.retryLater(row, 'The courier already has this parcel; waiting for its webhook');
        return false;
      }
      const booked = await gateway.book(account, parcelOf(row));
      return await this.database.withTenant(row.tenantId, (tx) =>
        this.tracking.markBooked(tx, row.id, row.tenantId, booked, this.clock.now()),
      );
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof CourierRejectedError) await this.fail(row, message);
      else await this.retryLater(row, message);
      return false;
    }
  }

  private async retryLater(row: ShipmentRow, reason: string): Promise<void> {
    if (row.bookingAttempts >= this.config.SHIPPING_BOOKING_MAX_ATTEMPTS) {
      await this.fail(row, `Gave up after ${row.bookingAttempts} attempts: ${reason}`);
      return;
    }
    const now = this.clock.now();
    await this.database.withTenant(row.tenantId, (tx) =>
      this.repo.update(tx, row.tenantId, row.id, {
        nextAttemptAt: new Date(now.getTime() + backoffMs(row.bookingAttempts)),
        bookingError: reason.slice(0, 1000),
        updatedAt: now,
      }),
    );
  }

  private async fail(row: ShipmentRow, reason: string): Promise<void> {
    this.logger.warn({ shipmentId: row.id, courier: row.courier, reason }, 'booking failed');
    await this.database.withTenant(row.tenantId, (tx) =>
      this.tracking.markBookingFailed(tx, row.id, row.tenantId, reason, this.clock.now()),
    );
  }
}

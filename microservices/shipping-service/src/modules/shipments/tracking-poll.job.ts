import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Clock, CLOCK } from '@haat/common';
import type { Database } from '@haat/database';
import { DATABASE, SERVICE_CONFIG } from '@haat/service';
import type { ShippingServiceConfig } from '../../config/shipping-service.config.js';
import { CourierGateways } from '../../infrastructure/couriers/courier-gateways.js';
import { PeriodicTask } from '../../infrastructure/jobs/periodic-task.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { ShipmentTrackingService } from './shipment-tracking.service.js';
import { ShipmentsRepository } from './shipments.repository.js';
import type { ShipmentRow } from './shipments.schema.js';

/**
 * Asks the couriers for the status of undelivered shipments not polled for
 * `SHIPPING_POLL_INTERVAL` (a lost webhook must not leave a parcel stuck), and applies the
 * answer like a webhook: recorded once per status, never moving a shipment backwards.
 */
@Injectable()
export class TrackingPollJob {
  private readonly logger = new Logger('TrackingPollJob');
  private readonly task: PeriodicTask;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(SERVICE_CONFIG) private readonly config: ShippingServiceConfig,
    private readonly repo: ShipmentsRepository,
    private readonly accounts: AccountsService,
    private readonly gateways: CourierGateways,
    private readonly tracking: ShipmentTrackingService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.task = new PeriodicTask(
      Math.min(config.SHIPPING_POLL_INTERVAL, 60_000),
      () => this.runOnce().then(() => undefined),
      (err) => this.logger.error({ err }, 'polling round failed'),
    );
  }

  start(): void {
    if (this.config.SHIPPING_POLL_INTERVAL > 0) this.task.start();
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  /** Polls the shipments due; returns how many moved. `olderThanMs` 0 polls every undelivered one. */
  async runOnce(olderThanMs = this.config.SHIPPING_POLL_INTERVAL): Promise<number> {
    const now = this.clock.now();
    const due = await this.database.transaction((tx) =>
      this.repo.claimForPolling(
        tx,
        new Date(now.getTime() - olderThanMs),
        now,
        this.config.SHIPPING_BOOKING_BATCH,
      ),
    );
    let moved = 0;
    for (const row of due) {
      try {
        if (await this.poll(row)) moved += 1;
      } catch (err) {
        this.logger.warn(
          { shipmentId: row.id, err: err instanceof Error ? err.message : String(err) },
          'poll failed',
        );
      }
    }
    return moved;
  }

  private async poll(row: ShipmentRow): Promise<boolean> {
    const account = await this.database.withTenant(row.tenantId, (tx) =>
      this.accounts.openIn(tx, row.tenantId, row.accountId),
    );
    if (!account || !row.consignmentId) return false;
    const report = await this.gateways.of(row.courier).status(account, row.consignmentId);
    const outcome = await this.database.withTenant(row.tenantId, (tx) =>
      this.tracking.apply(
        tx,
        row.id,
        row.tenantId,
        {
          source: 'poll',
          dedupeKey: `poll|${report.courierStatus}`,
          courierStatus: report.courierStatus,
          status: report.status,
          message: null,
          occurredAt: null,
          collectedAmountMinor: null,
        },
        this.clock.now(),
      ),
    );
    return outcome === 'moved';
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { newId } from '@haat/common';
import type { Database, Tx } from '@haat/database';
import { DATABASE, SERVICE_CONFIG } from '@haat/service';
import { systemContext, type TenantContext } from '@haat/tenant';
import type { InventoryServiceConfig } from '../../config/inventory-service.config.js';
import { retryOnConflict } from '../../infrastructure/db/conflict-retry.js';
import { switchTenant } from '../../infrastructure/db/tenant-switch.js';
import { ReservationSettlement } from './reservation.settlement.js';
import { ReservationsRepository } from './reservations.repository.js';
import type { ReservationRow } from './reservations.schema.js';

/**
 * The sweeper: every `RESERVATION_SWEEP_INTERVAL` it releases reservations past their expiry,
 * in batches of `RESERVATION_SWEEP_BATCH`, until none is left. Each batch is claimed with
 * `FOR UPDATE SKIP LOCKED`, so every instance can run it and they share the work; a commit or
 * release holding a reservation is skipped and decides for itself.
 */
@Injectable()
export class ReservationExpiryJob {
  private readonly logger = new Logger('ReservationExpiryJob');
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<unknown> | undefined;
  private stopped = true;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(SERVICE_CONFIG) config: InventoryServiceConfig,
    private readonly repository: ReservationsRepository,
    private readonly settlement: ReservationSettlement,
  ) {
    this.intervalMs = config.RESERVATION_SWEEP_INTERVAL;
    this.batchSize = config.RESERVATION_SWEEP_BATCH;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule();
  }

  /** Stops scheduling and waits for a sweep in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.current;
  }

  /** Releases every reservation expired by now; returns how many. */
  async sweep(): Promise<number> {
    let total = 0;
    for (;;) {
      const released = await retryOnConflict(() => this.database.transaction((tx) => this.sweepBatch(tx)));
      total += released;
      if (released < this.batchSize || this.stopped) return total;
    }
  }

  private async sweepBatch(tx: Tx): Promise<number> {
    const claimed = await this.repository.claimExpired(tx, this.batchSize);
    const byTenant = new Map<string, ReservationRow[]>();
    for (const row of claimed) byTenant.set(row.tenantId, [...(byTenant.get(row.tenantId) ?? []), row]);
    for (const [tenantId, rows] of [...byTenant].sort(([a], [b]) => (a < b ? -1 : 1))) {
      await switchTenant(tx, tenantId);
      const ctx = systemContext(`reservation-sweep-${newId()}`, tenantId) as TenantContext;
      await this.settlement.expire(tx, ctx, rows);
    }
    return claimed.length;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.current = this.sweep()
        .then((released) => {
          if (released > 0) this.logger.log(`released ${released} expired reservations`);
        })
        .catch((err: unknown) => this.logger.error({ err }, 'reservation sweep failed'))
        .finally(() => this.schedule());
    }, this.intervalMs);
    this.timer.unref();
  }
}

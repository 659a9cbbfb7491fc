import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Database } from '@haat/database';
import { DATABASE, SERVICE_CONFIG } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import type { InventoryServiceConfig } from '../../config/inventory-service.config.js';
import { retryOnConflict } from '../../infrastructure/db/conflict-retry.js';
import type { ReserveRequest } from './dto/reserve.dto.js';
import { type ReserveItem, type ReserveResult, ReservationWriter } from './reservation.writer.js';

interface Pending extends ReserveItem {
  resolve(result: ReserveResult): void;
  reject(err: unknown): void;
}

/**
 * Group commit for reservations. On one hot SKU every reservation must wait for the previous
 * one's commit (its row lock is held until then), so one transaction per reservation is capped
 * by the disk's flush latency. Requests that arrive while a tenant's reservation transaction is
 * running wait, then go together — up to `RESERVATION_BATCH_SIZE` — into the tenant's next
 * transaction, which reserves each in turn: one flush and one round of statements for many.
 * One transaction per tenant at a time (a second would mostly wait on the same SKU locks with
 * half the batch); up to `RESERVATION_BATCH_CONCURRENCY` tenants at once. With a batch size of 1
 * group commit is off: one transaction per reservation, that many at once. Nothing waits on
 * purpose: an idle service reserves at once. Correctness never rests on this class: the locks,
 * guarded updates and checks in the database decide, however the requests are grouped.
 */
@Injectable()
export class ReservationBatcher implements OnModuleDestroy {
  private readonly logger = new Logger('ReservationBatcher');
  private readonly queue: Pending[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly busyTenants = new Set<string>();
  private readonly maxBatch: number;
  private readonly concurrency: number;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(SERVICE_CONFIG) config: InventoryServiceConfig,
    private readonly writer: ReservationWriter,
  ) {
    this.maxBatch = config.RESERVATION_BATCH_SIZE;
    this.concurrency = config.RESERVATION_BATCH_CONCURRENCY;
  }

  submit(ctx: TenantContext, request: ReserveRequest): Promise<ReserveResult> {
    return new Promise<ReserveResult>((resolve, reject) => {
      this.queue.push({ ctx, request, resolve, reject });
      this.pump();
    });
  }

  /** Lets the reservations already accepted finish before the database closes. */
  async onModuleDestroy(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private pump(): void {
    while (this.running.size < this.concurrency) {
      const batch = this.nextBatch();
      if (!batch) return;
      const tenantId = (batch[0] as Pending).ctx.tenantId;
      if (this.maxBatch > 1) this.busyTenants.add(tenantId);
      const run = this.run(batch).finally(() => {
        this.running.delete(run);
        this.busyTenants.delete(tenantId);
        this.pump();
      });
      this.running.add(run);
    }
  }

  /** The oldest request of a tenant without a running batch, and that tenant's next ones, in arrival order. */
  private nextBatch(): Pending[] | undefined {
    const grouping = this.maxBatch > 1;
    const tenantId = this.queue.find((p) => !grouping || !this.busyTenants.has(p.ctx.tenantId))?.ctx.tenantId;
    if (tenantId === undefined) return undefined;
    const batch: Pending[] = [];
    for (let i = 0; i < this.queue.length && batch.length < this.maxBatch;) {
      const pending = this.queue[i] as Pending;
      if (pending.ctx.tenantId === tenantId) {
        batch.push(pending);
        this.queue.splice(i, 1);
      } else {
        i++;
      }
    }
    return batch;
  }

  private async run(batch: Pending[]): Promise<void> {
    const tenantId = (batch[0] as Pending).ctx.tenantId;
    try {
      const results = await retryOnConflict(() =>
        this.database.withTenant(tenantId, (tx) => this.writer.reserveMany(tx, tenantId, batch)),
      );
      batch.forEach((p, i) => p.resolve(results[i] as ReserveResult));
    } catch (err) {
      if (batch.length === 1) {
        (batch[0] as Pending).reject(err);
        return;
      }
      // One failing request must not fail the others with it: each runs again on its own.
      this.logger.warn({ err, size: batch.length }, 'reservation batch failed; retrying one by one');
      for (const p of batch) await this.run([p]);
    }
  }
}

import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type Clock, CLOCK } from '@haat/common';
import type { Database } from '@haat/database';
import { DATABASE, SERVICE_CONFIG } from '@haat/service';
import { systemContext, type TenantContext } from '@haat/tenant';
import type { PaymentServiceConfig } from '../../config/payment-service.config.js';
import { RefundsRepository } from './refunds.repository.js';
import { RefundsService } from './refunds.service.js';

const BATCH = 50;
const MAX_BACKOFF_MS = 6 * 3_600_000;

/**
 * Follows pending refunds to the end: every interval it claims due checks (across tenants, from
 * the `refund_checks` platform table), asks each provider, and books the answer. A refund still
 * pending is asked again later, backing off up to six hours.
 */
@Injectable()
export class RefundStatusJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RefundStatusJob');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repo: RefundsRepository,
    private readonly refunds: RefundsService,
    @Inject(SERVICE_CONFIG) private readonly config: PaymentServiceConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce(), this.config.PAYMENT_REFUND_CHECK_INTERVAL);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass; resolves to the number of refunds checked. Passes never overlap. */
  runOnce(): Promise<number> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<number> {
    const interval = this.config.PAYMENT_REFUND_CHECK_INTERVAL;
    let due: Awaited<ReturnType<RefundsRepository['claimDue']>>;
    try {
      due = await this.database.transaction((tx) =>
        this.repo.claimDue(tx, this.clock.now(), BATCH, interval),
      );
    } catch (err) {
      this.logger.error({ err }, 'Could not claim refund checks');
      return 0;
    }
    for (const check of due) {
      const ctx = systemContext(`refund-check-${check.refundId}`, check.tenantId) as TenantContext;
      try {
        const refund = await this.refunds.check(ctx, check.refundId);
        if (refund?.status === 'pending') {
          const backoff = Math.min(MAX_BACKOFF_MS, interval * 2 ** Math.min(check.attempts, 10));
          await this.database.transaction((tx) =>
            this.repo.scheduleCheck(
              tx,
              check.refundId,
              check.tenantId,
              new Date(this.clock.now().getTime() + backoff),
            ),
          );
        }
      } catch (err) {
        this.logger.warn(
          { refundId: check.refundId, err: err instanceof Error ? err.message : String(err) },
          'Refund status check failed; will retry',
        );
      }
    }
    return due.length;
  }
}

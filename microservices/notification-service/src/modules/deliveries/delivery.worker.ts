import { Inject, Injectable, Logger } from '@nestjs/common';
import { newId } from '@haat/common';
import type { Database } from '@haat/database';
import { addToOutbox } from '@haat/messaging';
import { DATABASE, SERVICE_CONFIG } from '@haat/service';
import type { NotificationServiceConfig } from '../../config/notification-service.config.js';
import { permanent, type SendResult } from '../../infrastructure/channels/send-result.js';
import { PushSubscriptionsService } from '../push/push-subscriptions.service.js';
import { TenantProfilesService } from '../tenants/tenant-profiles.service.js';
import { DELIVERY_ERRORS } from './deliveries.errors.js';
import { deliveryDelivered, deliveryFailed } from './deliveries.events.js';
import { DeliveriesRepository } from './deliveries.repository.js';
import type { DeliveryRow } from './deliveries.schema.js';
import { nextStep, shouldRedact } from './delivery.policy.js';
import { type ClaimedDelivery, DeliveryQueueRepository } from './delivery-queue.repository.js';
import { DeliverySender, type SendContext } from './delivery.sender.js';
import { DeliveryWakeListener } from './delivery-wake.listener.js';
import { WakeSignal } from './wake.signal.js';

/**
 * The background job that sends queued deliveries: claims due ones across tenants (`FOR UPDATE
 * SKIP LOCKED`, so several instances share the work), sends each outside any transaction, then
 * records the attempt and the outcome in the delivery's tenant scope — sent, failed, retried
 * later with backoff, or dead after its last attempt. Woken by new deliveries, else it polls.
 */
@Injectable()
export class DeliveryWorker {
  private readonly logger = new Logger('DeliveryWorker');
  private readonly wake = new WakeSignal();
  private abort: AbortController | undefined;
  private loop: Promise<void> | undefined;
  private listener: DeliveryWakeListener | undefined;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationServiceConfig,
    private readonly queue: DeliveryQueueRepository,
    private readonly repository: DeliveriesRepository,
    private readonly sender: DeliverySender,
    private readonly profiles: TenantProfilesService,
    private readonly push: PushSubscriptionsService,
  ) {}

  async start(): Promise<void> {
    if (this.loop) return;
    this.abort = new AbortController();
    this.listener = new DeliveryWakeListener(this.database.options.url, () => this.wake.notify());
    await this.listener.start();
    this.loop = this.run(this.abort.signal);
  }

  /** Stops claiming; sends in flight finish first. */
  async stop(): Promise<void> {
    this.abort?.abort();
    await this.loop;
    await this.listener?.stop();
    this.loop = undefined;
  }

  private async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      let claimed = 0;
      try {
        claimed = await this.runBatch();
      } catch (err) {
        this.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'delivery batch failed');
      }
      if (claimed < this.config.DELIVERY_BATCH_SIZE)
        await this.wake.wait(this.config.DELIVERY_POLL_INTERVAL, signal);
    }
  }

  private async runBatch(): Promise<number> {
    const claimed = await this.queue.claim(
      this.database.db,
      this.config.DELIVERY_BATCH_SIZE,
      this.config.DELIVERY_LEASE,
    );
    let next = 0;
    const lanes = Array.from(
      { length: Math.min(this.config.DELIVERY_CONCURRENCY, claimed.length) },
      async () => {
        while (next < claimed.length) {
          const item = claimed[next++] as ClaimedDelivery;
          await this.deliver(item).catch((err: unknown) =>
            this.logger.error(
              { deliveryId: item.deliveryId, err: err instanceof Error ? err.message : String(err) },
              'delivery could not be processed; it is retried after its lease',
            ),
          );
        }
      },
    );
    await Promise.all(lanes);
    return claimed.length;
  }

  private async deliver(item: ClaimedDelivery): Promise<void> {
    const loaded = await this.database.withTenant(item.tenantId, async (tx) => {
      const row = await this.repository.find(tx, item.tenantId, item.deliveryId);
      if (!row || row.status !== 'pending') return undefined;
      const shop = await this.profiles.shop(tx, item.tenantId);
      const context: SendContext = { shopName: shop.name };
      if (row.channel === 'push') {
        const subscription = await this.push.find(tx, item.tenantId, row.destination);
        if (subscription) context.push = subscription;
      }
      return { row, context };
    });
    if (!loaded) {
      await this.queue.drop(this.database.db, item.deliveryId);
      return;
    }
    const { row, context } = loaded;
    const startedAt = new Date();
    const result: SendResult =
      row.expiresAt && row.expiresAt <= startedAt
        ? permanent(row.channel, DELIVERY_ERRORS.expired, 'expired before it could be sent')
        : await this.sender.send(row, context);
    await this.record(row, result, startedAt);
  }

  private async record(row: DeliveryRow, result: SendResult, startedAt: Date): Promise<void> {
    const attempt = row.attempts + 1;
    const step = nextStep(result, attempt, row.maxAttempts, {
      initialMs: this.config.DELIVERY_RETRY_INITIAL,
      maxMs: this.config.DELIVERY_RETRY_MAX,
    });
    const finished = step.status !== 'pending';
    await this.database.withTenant(row.tenantId, async (tx) => {
      const updated = await this.repository.applyOutcome(tx, row, row.attempts, {
        status: step.status,
        attempts: attempt,
        nextAttemptAt: step.status === 'pending' ? new Date(Date.now() + step.retryInMs) : null,
        lastError: step.status === 'sent' ? null : step.reason,
        provider: result.provider,
        providerMessageId: result.outcome === 'sent' ? result.providerMessageId : null,
        finished,
        redact: shouldRedact(row.category, step.status),
      });
      // Another worker recorded this attempt first (its lease ran out while we were sending).
      if (!updated) return;
      await this.repository.recordAttempt(tx, {
        id: newId(),
        tenantId: row.tenantId,
        deliveryId: row.id,
        attempt,
        provider: result.provider,
        outcome: result.outcome,
        providerMessageId: result.outcome === 'sent' ? result.providerMessageId : null,
        errorCode: result.outcome === 'sent' ? null : result.errorCode,
        error: result.outcome === 'sent' ? null : result.error,
        startedAt,
        durationMs: Date.now() - startedAt.getTime(),
      });
      if (result.outcome !== 'sent' && result.gone && row.channel === 'push') {
        await this.push.forget(tx, row.tenantId, row.destination);
      }
      if (step.status === 'sent') await addToOutbox(tx, deliveryDelivered(updated));
      if (step.status === 'failed' || step.status === 'dead') await addToOutbox(tx, deliveryFailed(updated));
    });
    if (step.status === 'dead' || step.status === 'failed') {
      this.logger.warn(
        {
          deliveryId: row.id,
          tenantId: row.tenantId,
          channel: row.channel,
          status: step.status,
          reason: step.reason,
        },
        'notification not delivered',
      );
    }
  }
}

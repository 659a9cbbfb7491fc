import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '@haat/database';
import { backoffDelay, type BackoffOptions } from '../consumer/backoff.js';
import { consoleMessagingLogger, describeError, type MessagingLogger } from '../messaging.logger.js';
import type { EventTransport } from '../transport/event-transport.js';
import { groupByAggregate } from './aggregate-groups.js';
import { guardedTransaction } from './guarded-transaction.js';
import { OutboxListener } from './outbox.listener.js';
import { claimPending, deferRows, markFailed, markSent, type ClaimedOutboxRow } from './outbox.repository.js';
import { WakeSignal } from './wake.signal.js';

export interface PublishedInfo {
  eventType: string;
  /** From the event's `occurredAt` to the broker's acceptance. */
  latencyMs: number;
  /** Failed publishes of this event before this one. */
  attempts: number;
}

export interface PublishFailedInfo {
  eventType: string;
  attempts: number;
  error: unknown;
  retryInMs: number;
}

export interface OutboxRelayOptions {
  database: Database;
  transport: EventTransport;
  /** Rows claimed per batch. Default 100. */
  batchSize?: number;
  /** Safety-net poll when no notification arrives. Default 1 s. */
  pollIntervalMs?: number;
  /** Batches in flight at once in this relay (each holds one connection). Default 1. */
  concurrency?: number;
  /** Delay before a failed publish is tried again. Default 1 s doubling to 5 min. */
  backoff?: BackoffOptions;
  /** LISTEN for commits (default true); without it the relay only polls. */
  listen?: boolean;
  logger?: MessagingLogger;
  onPublished?: (info: PublishedInfo) => void;
  onPublishFailed?: (info: PublishFailedInfo) => void;
}

interface BatchResult {
  claimed: number;
  /** Abandoned because the relay is stopping: left pending, untouched. */
  abandoned: number;
  published: { row: ClaimedOutboxRow }[];
  failed: { row: ClaimedOutboxRow; error: unknown; retryInMs: number }[];
}

/**
 * Publishes the outbox. A worker claims a batch of pending rows with `FOR UPDATE SKIP LOCKED`
 * inside a transaction (so any number of relays share the rows), publishes them through the
 * transport — in parallel, but one aggregate's events in order — and in the same transaction
 * marks sent exactly those the broker accepted; a failed row counts an attempt and waits out a
 * backoff, and the rows of its aggregate behind it wait with it. Woken by LISTEN/NOTIFY on commit,
 * with a periodic poll as a safety net. Only committed rows exist, so a rolled-back business
 * transaction never publishes.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly backoff: BackoffOptions;
  private readonly logger: MessagingLogger;
  private readonly wake = new WakeSignal();
  private stopping = new AbortController();
  private listener: OutboxListener | undefined;
  private workers: Promise<void>[] = [];

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 100;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.backoff = options.backoff ?? { initialMs: 1_000, maxMs: 300_000 };
    this.logger = options.logger ?? consoleMessagingLogger;
  }

  get running(): boolean {
    return this.workers.length > 0;
  }

  async start(): Promise<void> {
    if (this.running) throw new Error('The outbox relay is already running');
    this.stopping = new AbortController();
    // Every publish of a batch listens for the stop (and removes its listener when done).
    setMaxListeners(0, this.stopping.signal);
    if (this.options.listen ?? true) {
      this.listener = new OutboxListener(
        this.options.database.options.url,
        () => this.wake.notify(),
        this.logger,
      );
      await this.listener.start();
    }
    const concurrency = Math.max(1, this.options.concurrency ?? 1);
    this.workers = Array.from({ length: concurrency }, () => this.work());
  }

  /**
   * Stops claiming and waits for the batches in flight to be recorded. A publish still waiting
   * (an in-process consumer between retries) is abandoned and its row stays pending; handlers
   * already running finish first.
   */
  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.all(this.workers);
    this.workers = [];
    await this.listener?.stop();
    this.listener = undefined;
  }

  private async work(): Promise<void> {
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      const seen = this.wake.current;
      let claimed: number;
      try {
        claimed = await this.runBatch();
      } catch (err) {
        this.logger.error({ err: describeError(err) }, 'outbox relay batch failed');
        await sleep(this.pollIntervalMs, undefined, { signal }).catch(() => undefined);
        continue;
      }
      // A full batch means more is probably waiting.
      if (claimed < this.batchSize) await this.wake.wait(seen, this.pollIntervalMs, signal);
    }
  }

  private async runBatch(): Promise<number> {
    const result = await guardedTransaction(this.options.database.pool, async (tx): Promise<BatchResult> => {
      const rows = await claimPending(tx, this.batchSize);
      const outcome: BatchResult = { claimed: rows.length, abandoned: 0, published: [], failed: [] };
      const signal = this.stopping.signal;
      const deferred: { ids: string[]; retryInMs: number }[] = [];
      await Promise.all(
        groupByAggregate(rows).map(async (group) => {
          for (const [index, row] of group.entries()) {
            try {
              await this.options.transport.publish(row.payload, { signal });
              outcome.published.push({ row });
            } catch (error) {
              if (signal.aborted) {
                // Stopping: not a failure of the event. It stays pending for the next start.
                outcome.abandoned += group.length - index;
                return;
              }
              const retryInMs = backoffDelay(row.attempts + 1, this.backoff);
              outcome.failed.push({ row, error, retryInMs });
              deferred.push({ ids: group.slice(index + 1).map((r) => r.id), retryInMs });
              return;
            }
          }
        }),
      );
      await markSent(
        tx,
        outcome.published.map((p) => p.row.id),
      );
      for (const { row, error, retryInMs } of outcome.failed) {
        await markFailed(tx, row.id, describeError(error, 2_000), retryInMs);
      }
      for (const { ids, retryInMs } of deferred) await deferRows(tx, ids, retryInMs);
      return outcome;
    });
    this.report(result);
    return result.claimed;
  }

  private report(result: BatchResult): void {
    if (result.abandoned > 0) {
      this.logger.info(
        { abandoned: result.abandoned },
        'relay stopping: events left pending for the next start',
      );
    }
    const now = Date.now();
    for (const { row } of result.published) {
      this.options.onPublished?.({
        eventType: row.eventType,
        latencyMs: now - Date.parse(row.payload.occurredAt),
        attempts: row.attempts,
      });
    }
    for (const { row, error, retryInMs } of result.failed) {
      this.logger.warn(
        {
          eventId: row.id,
          eventType: row.eventType,
          attempts: row.attempts + 1,
          retryInMs,
          err: describeError(error, 500),
        },
        'publishing an outbox event failed; will retry',
      );
      this.options.onPublishFailed?.({
        eventType: row.eventType,
        attempts: row.attempts + 1,
        error,
        retryInMs,
      });
    }
  }
}

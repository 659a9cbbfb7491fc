import pg from 'pg';
import { describeError, type MessagingLogger } from '../messaging.logger.js';
import { OUTBOX_CHANNEL } from '../outbox/outbox.writer.js';

/**
 * A dedicated connection LISTENing on the outbox channel (pooled connections cannot hold a
 * LISTEN). When it drops it reconnects, and reports a wake-up on every (re)connect because
 * notifications sent while it was down are lost.
 */
export class OutboxListener {
  private client: pg.Client | undefined;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string,
    private readonly onWake: () => void,
    private readonly logger: MessagingLogger,
    private readonly reconnectDelayMs = 1_000,
  ) {}

  /** Connects once; on failure keeps retrying in the background (the relay's poll covers meanwhile). */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.url,
      application_name: 'haat-outbox-listener',
      keepAlive: true,
    });
    client.on('notification', () => this.onWake());
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (err) {
      this.lost(client, err);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.onWake();
  }

  private lost(client: pg.Client, err: unknown): void {
    if (this.stopped || this.retryTimer !== undefined) return;
    if (this.client !== undefined && this.client !== client) return;
    this.client = undefined;
    client.removeAllListeners('notification');
    client.end().catch(() => undefined);
    this.logger.warn({ err: describeError(err, 500) }, 'outbox listener lost its connection; reconnecting');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.connect();
    }, this.reconnectDelayMs);
  }
}

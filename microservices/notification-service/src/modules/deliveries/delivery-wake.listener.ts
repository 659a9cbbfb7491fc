import { Logger } from '@nestjs/common';
import pg from 'pg';
import { DELIVERY_CHANNEL } from './deliveries.repository.js';

/**
 * Wakes the delivery worker when any instance commits a new delivery (NOTIFY on commit), over
 * a dedicated connection (a pooled one cannot hold a LISTEN). It reconnects when the connection
 * drops, and wakes the worker on every (re)connect since notifications sent meanwhile are lost.
 */
export class DeliveryWakeListener {
  private readonly logger = new Logger('DeliveryWakeListener');
  private client: pg.Client | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string,
    private readonly onWake: () => void,
  ) {}

  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.url,
      application_name: 'notification-delivery-listener',
    });
    client.on('notification', () => this.onWake());
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${DELIVERY_CHANNEL}`);
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
    if (this.stopped || this.retry !== undefined || (this.client !== undefined && this.client !== client))
      return;
    this.client = undefined;
    client.removeAllListeners('notification');
    client.end().catch(() => undefined);
    this.logger.warn(
      { err: err instanceof Error ? err.message : String(err) },
      'delivery listener lost; reconnecting',
    );
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, 1_000);
  }
}

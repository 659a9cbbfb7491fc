import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { EventDefinition } from '@haat/contracts';
import {
  type EventConsumer,
  type EventConsumerOptions,
  type EventTransport,
  registerConsumer,
} from '@haat/messaging';
import { ServiceMetrics } from '@haat/observability';
import type { Database } from '@haat/database';
import { DATABASE, EVENT_TRANSPORT } from './tokens.js';

const RESULT = {
  handled: 'success',
  duplicate: 'duplicate',
  ignored: 'success',
  retry: 'retry',
  dead: 'dead_letter',
} as const;

/**
 * Where a feature registers its event consumers (in `onModuleInit`): wires the service's
 * database, transport and metrics, and stops every consumer when the app closes.
 */
@Injectable()
export class EventConsumers implements OnModuleDestroy {
  private readonly consumers: EventConsumer<readonly EventDefinition[]>[] = [];

  constructor(
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
    @Inject(DATABASE) private readonly database: Database,
    private readonly metrics: ServiceMetrics,
  ) {}

  async register<const D extends readonly EventDefinition[]>(
    options: Omit<EventConsumerOptions<D>, 'database' | 'onHandled'>,
  ): Promise<EventConsumer<D>> {
    const consumer = await registerConsumer<D>({
      ...options,
      database: this.database,
      transport: this.transport,
      onHandled: (name, outcome) => this.metrics.recordEventHandled(name, RESULT[outcome]),
    });
    this.consumers.push(consumer as unknown as EventConsumer<readonly EventDefinition[]>);
    return consumer;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.stop()));
  }
}

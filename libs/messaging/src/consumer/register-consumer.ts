import type { EventDefinition } from '@haat/contracts';
import type { EventTransport } from '../transport/event-transport.js';
import { EventConsumer, type EventConsumerOptions } from './event-consumer.js';

export interface RegisterConsumerOptions<
  D extends readonly EventDefinition[],
> extends EventConsumerOptions<D> {
  transport: EventTransport;
}

/**
 * Starts a consumer with an inbox on `transport`:
 * `registerConsumer({ transport, database, consumer: 'inventory.commit-reservation',
 * events: [PaymentSucceededV1], handle: (ctx, event, tx) => … })`. `stop()` on the result ends it.
 */
export async function registerConsumer<const D extends readonly EventDefinition[]>(
  options: RegisterConsumerOptions<D>,
): Promise<EventConsumer<D>> {
  const { transport, ...consumerOptions } = options;
  return new EventConsumer<D>(consumerOptions).attach(transport);
}

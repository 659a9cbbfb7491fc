import type { PlatformConfig } from '@haat/config';
import {
  type EventTransport,
  InProcessTransport,
  type MessagingLogger,
  NatsJetStreamTransport,
} from '@haat/messaging';

export interface OwnedTransport {
  transport: EventTransport;
  /** True when this service created it and must close it. */
  owned: boolean;
}

/**
 * The transport a service uses: the launcher's shared in-process one in embedded mode, NATS
 * JetStream when `NATS_URL` is set, else a private in-process one (a service on its own).
 */
export async function createEventTransport(
  service: string,
  config: PlatformConfig,
  logger: MessagingLogger,
  given?: EventTransport,
): Promise<OwnedTransport> {
  if (given) return { transport: given, owned: false };
  if (config.NATS_URL) {
    const transport = await NatsJetStreamTransport.connect({
      servers: config.NATS_URL,
      prefix: config.NATS_SUBJECT_PREFIX,
      connectionName: service,
      logger,
    });
    return { transport, owned: true };
  }
  return { transport: new InProcessTransport({ logger }), owned: true };
}

import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type ConsumerConfig,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { NatsNaming } from './nats-naming.js';

export interface JetStreamSettings {
  streamMaxAgeMs: number;
  duplicateWindowMs: number;
  replicas: number;
  ackWaitMs: number;
  maxAckPending: number;
}

export interface DurableSpec {
  stream: string;
  durable: string;
  filterSubject: string;
}

/**
 * Creates or updates the domain streams and durable consumers, idempotently: several processes
 * may start at once, and a changed setting (retention, a consumer's filter) is applied in place.
 */
export class JetStreamProvisioner {
  private readonly streams = new Map<string, Promise<string>>();

  constructor(
    private readonly jsm: JetStreamManager,
    private readonly naming: NatsNaming,
    private readonly settings: JetStreamSettings,
  ) {}

  /** The stream name of `domain`, once the stream exists with the wanted configuration. */
  ensureStream(domain: string): Promise<string> {
    let ready = this.streams.get(domain);
    if (!ready) {
      ready = this.provisionStream(domain);
      this.streams.set(domain, ready);
      ready.catch(() => this.streams.delete(domain));
    }
    return ready;
  }

  async ensureDurable(spec: DurableSpec): Promise<void> {
    const wanted: Partial<ConsumerConfig> = {
      durable_name: spec.durable,
      ack_policy: AckPolicy.Explicit,
      // A consumer deployed after its producer still gets every event the stream keeps.
      deliver_policy: DeliverPolicy.All,
      filter_subject: spec.filterSubject,
      ack_wait: nanos(this.settings.ackWaitMs),
      // Unlimited: the consumer runtime dead-letters and terminates the message itself; a broker
      // limit would drop it silently instead.
      max_deliver: -1,
      max_ack_pending: this.settings.maxAckPending,
    };
    const current = await this.jsm.consumers.info(spec.stream, spec.durable).catch((err: unknown) => {
      if (isApiError(err, JetStreamApiCodes.ConsumerNotFound)) return undefined;
      throw err;
    });
    if (!current) {
      try {
        await this.jsm.consumers.add(spec.stream, wanted);
        return;
      } catch (err) {
        // Another process may have created it a moment ago with another configuration.
        const raced = await this.jsm.consumers.info(spec.stream, spec.durable).catch(() => undefined);
        if (!raced) throw err;
        return this.updateDurable(spec, raced.config, wanted);
      }
    }
    return this.updateDurable(spec, current.config, wanted);
  }

  private async updateDurable(
    spec: DurableSpec,
    current: ConsumerConfig,
    wanted: Partial<ConsumerConfig>,
  ): Promise<void> {
    if (
      current.filter_subject === wanted.filter_subject &&
      current.ack_wait === wanted.ack_wait &&
      current.max_ack_pending === wanted.max_ack_pending &&
      current.max_deliver === wanted.max_deliver
    ) {
      return;
    }
    await this.jsm.consumers.update(spec.stream, spec.durable, {
      filter_subject: wanted.filter_subject,
      ack_wait: wanted.ack_wait,
      max_ack_pending: wanted.max_ack_pending,
      max_deliver: wanted.max_deliver,
    });
  }

  private async provisionStream(domain: string): Promise<string> {
    const name = this.naming.stream(domain);
    const wanted = {
      name,
      subjects: [this.naming.domainSubjects(domain)],
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      discard: DiscardPolicy.Old,
      max_age: nanos(this.settings.streamMaxAgeMs),
      duplicate_window: nanos(this.settings.duplicateWindowMs),
      num_replicas: this.settings.replicas,
    } satisfies Partial<StreamConfig> & { name: string };
    const current = await this.jsm.streams.info(name).catch((err: unknown) => {
      if (isApiError(err, JetStreamApiCodes.StreamNotFound)) return undefined;
      throw err;
    });
    if (!current) {
      try {
        await this.jsm.streams.add(wanted);
        return name;
      } catch (err) {
        const raced = await this.jsm.streams.info(name).catch(() => undefined);
        if (!raced) throw err;
        await this.updateStream(raced.config, wanted);
        return name;
      }
    }
    await this.updateStream(current.config, wanted);
    return name;
  }

  private async updateStream(current: StreamConfig, wanted: Partial<StreamConfig> & { name: string }) {
    const same =
      current.subjects?.join(',') === wanted.subjects?.join(',') &&
      current.max_age === wanted.max_age &&
      current.duplicate_window === wanted.duplicate_window;
    if (same) return;
    await this.jsm.streams.update(wanted.name, {
      subjects: wanted.subjects,
      max_age: wanted.max_age,
      duplicate_window: wanted.duplicate_window,
    });
  }
}

function isApiError(err: unknown, code: number): boolean {
  return err instanceof JetStreamApiError && err.code === code;
}

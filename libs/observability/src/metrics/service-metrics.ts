import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { type CollectedGaugeName, type GaugeCollector, GaugeCollectors } from './gauge-collectors.js';

/** How a consumer's handling of one event ended. */
export type EventHandledResult = 'success' | 'retry' | 'dead_letter' | 'duplicate';

/** One finished HTTP request; `route` is the route pattern (`/orders/:id`), never the raw URL. */
export interface HttpRequestSample {
  method: string;
  route: string;
  status: number;
  durationSeconds: number;
}

/** The body and `Content-Type` of a `/metrics` response. */
export interface RenderedMetrics {
  contentType: string;
  body: string;
}

/** Options of {@link createMetrics}. */
export interface CreateMetricsOptions {
  /** Added as the `service` label on every series. */
  service: string;
}

/**
 * One service instance's Prometheus registry with the platform's standard instruments. Add a
 * service's own metrics with `registers: [metrics.registry]`.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly outboxPending: Gauge<string>;
  readonly outboxLag: Gauge<string>;
  readonly consumerLag: Gauge<'consumer'>;
  readonly deadLetters: Gauge<'consumer'>;
  readonly eventsPublished: Counter<'type'>;
  readonly eventsHandled: Counter<'consumer' | 'result'>;
  private readonly collectors: GaugeCollectors;

  constructor(options: CreateMetricsOptions) {
    const registers = [this.registry];
    this.registry.setDefaultLabels({ service: options.service });
    collectDefaultMetrics({ register: this.registry });
    this.collectors = new GaugeCollectors();
    const collectors = this.collectors;
    const collected = (name: CollectedGaugeName) =>
      async function (this: Gauge<string>) {
        await collectors.collectInto(name, this);
      };

    this.httpRequests = new Counter({
      name: 'http_server_requests_total',
      help: 'HTTP requests served, by route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.httpDuration = new Histogram({
      name: 'http_server_request_duration_seconds',
      help: 'HTTP request duration in seconds, by route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.outboxPending = new Gauge({
      name: 'outbox_pending_events',
      help: 'Outbox events not yet published',
      registers,
      collect: collected('outbox_pending_events'),
    });
    this.outboxLag = new Gauge({
      name: 'outbox_lag_seconds',
      help: 'Age in seconds of the oldest unpublished outbox event (0 when none)',
      registers,
      collect: collected('outbox_lag_seconds'),
    });
    this.consumerLag = new Gauge({
      name: 'consumer_lag_events',
      help: 'Events waiting for a consumer',
      labelNames: ['consumer'],
      registers,
      collect: collected('consumer_lag_events'),
    });
    this.deadLetters = new Gauge({
      name: 'dead_letter_events',
      help: 'Events in the dead letter, by consumer',
      labelNames: ['consumer'],
      registers,
      collect: collected('dead_letter_events'),
    });
    this.eventsPublished = new Counter({
      name: 'events_published_total',
      help: 'Events published to the bus, by event type',
      labelNames: ['type'],
      registers,
    });
    this.eventsHandled = new Counter({
      name: 'events_handled_total',
      help: 'Events handled by consumers, by consumer and result',
      labelNames: ['consumer', 'result'],
      registers,
    });
    this.collectors.registerFailureCounter(this.registry);
  }

  /** Counts one HTTP request and observes its duration. */
  recordHttpRequest(sample: HttpRequestSample): void {
    const labels = { method: sample.method, route: sample.route, status: String(sample.status) };
    this.httpRequests.inc(labels);
    this.httpDuration.observe(labels, sample.durationSeconds);
  }

  /** Sets the outbox gauges from a reading: pending count and age of the oldest pending event. */
  setOutboxBacklog(pending: number, oldestPendingAgeSeconds: number): void {
    this.outboxPending.set(pending);
    this.outboxLag.set(pending === 0 ? 0 : oldestPendingAgeSeconds);
  }

  /** Sets how many events wait for `consumer`. */
  setConsumerLag(consumer: string, events: number): void {
    this.consumerLag.set({ consumer }, events);
  }

  /** Sets how many events of `consumer` sit in the dead letter. */
  setDeadLetters(consumer: string, events: number): void {
    this.deadLetters.set({ consumer }, events);
  }

  /** Counts `count` published events of `type` (`order.created.v1`). */
  recordEventsPublished(type: string, count = 1): void {
    this.eventsPublished.inc({ type }, count);
  }

  /** Counts one event handled by `consumer`. */
  recordEventHandled(consumer: string, result: EventHandledResult): void {
    this.eventsHandled.inc({ consumer, result });
  }

  /**
   * Makes `name` read its value(s) from `collector` at every scrape (instead of the `set…`
   * methods; a gauge with collectors is reset before each scrape). Several collectors may feed
   * one gauge, e.g. one per consumer. Returns a function that removes the collector.
   */
  registerGaugeCollector(name: CollectedGaugeName, collector: GaugeCollector): () => void {
    return this.collectors.add(name, collector);
  }

  /** The registry in Prometheus text format, for a `/metrics` response. */
  async render(): Promise<RenderedMetrics> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/** A new registry with default process metrics and the standard instruments for `service`. */
export function createMetrics(options: CreateMetricsOptions): ServiceMetrics {
  return new ServiceMetrics(options);
}

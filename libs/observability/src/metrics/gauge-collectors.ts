import { Counter, type Gauge, type Registry } from 'prom-client';

/** The gauges whose values are read when Prometheus scrapes, rather than pushed. */
export const COLLECTED_GAUGES = [
  'outbox_pending_events',
  'outbox_lag_seconds',
  'consumer_lag_events',
  'dead_letter_events',
] as const;
export type CollectedGaugeName = (typeof COLLECTED_GAUGES)[number];

/** One gauge value; `labels` for the labelled gauges (`{ consumer }`). */
export interface GaugeSample {
  value: number;
  labels?: Record<string, string>;
}

/** Reads a gauge's current value(s) at scrape time, e.g. a `count(*)` on the outbox. */
export type GaugeCollector = () => number | GaugeSample[] | Promise<number | GaugeSample[]>;

/**
 * The collectors registered per gauge. When a gauge has any, each scrape resets it and sets
 * what they return; a collector that throws leaves its samples out and counts a failure in
 * `metrics_collector_failures_total`, so one unreachable dependency does not blank the page.
 */
export class GaugeCollectors {
  private readonly byGauge = new Map<CollectedGaugeName, Set<GaugeCollector>>();
  private readonly inFlight = new Set<Promise<void>>();
  private failures: Counter<'gauge'> | undefined;

  /**
   * Registers the failure counter. Call it after the collected gauges are registered: a scrape
   * starts every metric's collection in registration order, so by the time the counter is read
   * the gauges' collections have started and it waits for them, reporting this scrape's failures.
   */
  registerFailureCounter(registry: Registry): void {
    const inFlight = this.inFlight;
    this.failures = new Counter({
      name: 'metrics_collector_failures_total',
      help: 'Scrape-time gauge collectors that threw',
      labelNames: ['gauge'],
      registers: [registry],
      async collect() {
        await Promise.all(inFlight);
      },
    });
  }

  add(name: CollectedGaugeName, collector: GaugeCollector): () => void {
    const set = this.byGauge.get(name) ?? new Set<GaugeCollector>();
    set.add(collector);
    this.byGauge.set(name, set);
    return () => {
      set.delete(collector);
    };
  }

  async collectInto(name: CollectedGaugeName, gauge: Gauge<string>): Promise<void> {
    const collection = this.collect(name, gauge);
    this.inFlight.add(collection);
    try {
      await collection;
    } finally {
      this.inFlight.delete(collection);
    }
  }

  private async collect(name: CollectedGaugeName, gauge: Gauge<string>): Promise<void> {
    const collectors = [...(this.byGauge.get(name) ?? [])];
    if (collectors.length === 0) return;
    const results = await Promise.allSettled(collectors.map(async (collect) => collect()));
    gauge.reset();
    for (const result of results) {
      if (result.status === 'rejected') {
        this.failures?.inc({ gauge: name });
        continue;
      }
      const samples = typeof result.value === 'number' ? [{ value: result.value }] : result.value;
      for (const sample of samples) {
        if (sample.labels) gauge.set(sample.labels, sample.value);
        else gauge.set(sample.value);
      }
    }
  }
}

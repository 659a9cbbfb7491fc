import { describe, expect, it } from 'vitest';
import { sampleValue } from '../../test/support/prometheus-text.js';
import { createMetrics, type ServiceMetrics } from './service-metrics.js';

async function scrape(metrics: ServiceMetrics): Promise<string> {
  return (await metrics.render()).body;
}

describe('ServiceMetrics', () => {
  it('renders Prometheus text with default process metrics and the service label', async () => {
    const metrics = createMetrics({ service: 'orders-service' });
    const { contentType, body } = await metrics.render();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(body).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(body).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
    expect(sampleValue(body, 'process_resident_memory_bytes', { service: 'orders-service' })).toBeGreaterThan(
      0,
    );
  });

  it('counts HTTP requests by method, route pattern and status, and observes durations', async () => {
    const metrics = createMetrics({ service: 's' });
    metrics.recordHttpRequest({ method: 'GET', route: '/orders/:id', status: 200, durationSeconds: 0.02 });
    metrics.recordHttpRequest({ method: 'GET', route: '/orders/:id', status: 200, durationSeconds: 0.3 });
    metrics.recordHttpRequest({ method: 'POST', route: '/orders', status: 422, durationSeconds: 0.01 });
    const text = await scrape(metrics);
    const get = { method: 'GET', route: '/orders/:id', status: '200', service: 's' };
    expect(sampleValue(text, 'http_server_requests_total', get)).toBe(2);
    expect(
      sampleValue(text, 'http_server_requests_total', { method: 'POST', route: '/orders', status: '422' }),
    ).toBe(1);
    expect(sampleValue(text, 'http_server_request_duration_seconds_count', get)).toBe(2);
    expect(sampleValue(text, 'http_server_request_duration_seconds_bucket', { ...get, le: '0.025' })).toBe(1);
    expect(sampleValue(text, 'http_server_request_duration_seconds_bucket', { ...get, le: '0.5' })).toBe(2);
    expect(sampleValue(text, 'http_server_request_duration_seconds_sum', get)).toBeCloseTo(0.32);
  });

  it('counts published and handled events', async () => {
    const metrics = createMetrics({ service: 's' });
    metrics.recordEventsPublished('order.created.v1', 50);
    metrics.recordEventsPublished('order.created.v1');
    metrics.recordEventHandled('inventory.reserve-stock', 'success');
    metrics.recordEventHandled('inventory.reserve-stock', 'retry');
    metrics.recordEventHandled('inventory.reserve-stock', 'retry');
    const text = await scrape(metrics);
    expect(sampleValue(text, 'events_published_total', { type: 'order.created.v1' })).toBe(51);
    const consumer = 'inventory.reserve-stock';
    expect(sampleValue(text, 'events_handled_total', { consumer, result: 'retry' })).toBe(2);
    expect(sampleValue(text, 'events_handled_total', { consumer, result: 'success' })).toBe(1);
  });

  it('shows pushed outbox, lag and dead-letter readings', async () => {
    const metrics = createMetrics({ service: 's' });
    metrics.setOutboxBacklog(7, 12.5);
    metrics.setConsumerLag('payments.charge', 3);
    metrics.setDeadLetters('payments.charge', 1);
    let text = await scrape(metrics);
    expect(sampleValue(text, 'outbox_pending_events')).toBe(7);
    expect(sampleValue(text, 'outbox_lag_seconds')).toBe(12.5);
    expect(sampleValue(text, 'consumer_lag_events', { consumer: 'payments.charge' })).toBe(3);
    expect(sampleValue(text, 'dead_letter_events', { consumer: 'payments.charge' })).toBe(1);
    metrics.setOutboxBacklog(0, 99);
    text = await scrape(metrics);
    expect(sampleValue(text, 'outbox_lag_seconds')).toBe(0);
  });

  it('reads collected gauges at scrape time from every registered collector', async () => {
    const metrics = createMetrics({ service: 's' });
    let pending = 4;
    metrics.registerGaugeCollector('outbox_pending_events', () => pending);
    metrics.registerGaugeCollector('consumer_lag_events', async () => [
      { labels: { consumer: 'a' }, value: 10 },
    ]);
    const removeB = metrics.registerGaugeCollector('consumer_lag_events', () => [
      { labels: { consumer: 'b' }, value: 20 },
    ]);
    let text = await scrape(metrics);
    expect(sampleValue(text, 'outbox_pending_events')).toBe(4);
    expect(sampleValue(text, 'consumer_lag_events', { consumer: 'a' })).toBe(10);
    expect(sampleValue(text, 'consumer_lag_events', { consumer: 'b' })).toBe(20);

    pending = 9;
    removeB();
    text = await scrape(metrics);
    expect(sampleValue(text, 'outbox_pending_events')).toBe(9);
    expect(sampleValue(text, 'consumer_lag_events', { consumer: 'b' })).toBeUndefined();
  });

  it('keeps serving the page when a collector throws, counting the failure in the same scrape', async () => {
    const metrics = createMetrics({ service: 's' });
    metrics.registerGaugeCollector('dead_letter_events', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw new Error('database unreachable');
    });
    metrics.registerGaugeCollector('outbox_lag_seconds', () => 3);
    const first = await scrape(metrics);
    expect(sampleValue(first, 'metrics_collector_failures_total', { gauge: 'dead_letter_events' })).toBe(1);
    const second = await scrape(metrics);
    expect(sampleValue(second, 'outbox_lag_seconds')).toBe(3);
    expect(sampleValue(second, 'metrics_collector_failures_total', { gauge: 'dead_letter_events' })).toBe(2);
  });

  it('keeps each instance’s series apart', async () => {
    const orders = createMetrics({ service: 'orders' });
    const payments = createMetrics({ service: 'payments' });
    orders.recordEventsPublished('order.created.v1');
    const text = await scrape(payments);
    expect(text).not.toContain('order.created.v1');
    expect(sampleValue(text, 'process_resident_memory_bytes', { service: 'payments' })).toBeGreaterThan(0);
  });
});

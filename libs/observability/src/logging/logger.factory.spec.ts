import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DestinationStream } from 'pino';
import { startTracing, type TracingHandle } from '../tracing/tracing.bootstrap.js';
import { startSpan } from '../tracing/span-runner.js';
import { resetLogContextProvider, setLogContextProvider } from './log-context.js';
import { createLogger } from './logger.factory.js';

function capture(): { lines: Record<string, unknown>[]; destination: DestinationStream } {
  const lines: Record<string, unknown>[] = [];
  return { lines, destination: { write: (line: string) => lines.push(JSON.parse(line)) } };
}

describe('createLogger', () => {
  let tracing: TracingHandle;
  beforeAll(() => {
    tracing = startTracing({ service: 'orders-service', exporter: 'memory' });
  });
  afterAll(() => tracing.shutdown());
  afterEach(() => resetLogContextProvider());

  it('writes one JSON object per line with the service, level label, time and message', () => {
    const { lines, destination } = capture();
    createLogger({ service: 'orders-service', destination }).info({ orderId: 'o-1' }, 'order placed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      service: 'orders-service',
      level: 'info',
      msg: 'order placed',
      orderId: 'o-1',
    });
    expect(new Date(String(lines[0]?.['time'])).toISOString()).toBe(lines[0]?.['time']);
  });

  it('drops lines below the configured level', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ service: 's', level: 'warn', destination });
    logger.info('quiet');
    logger.warn('loud');
    expect(lines.map((line) => line['msg'])).toEqual(['loud']);
  });

  it('stamps the request fields from the context provider, leaving out undefined ones', () => {
    const { lines, destination } = capture();
    let current: Record<string, string | undefined> = { requestId: 'req-1', tenantId: 't-1' };
    setLogContextProvider(() => current);
    const logger = createLogger({ service: 's', destination });
    logger.info('first');
    current = { requestId: 'req-2', tenantId: undefined };
    logger.info('second');
    expect(lines[0]).toMatchObject({ requestId: 'req-1', tenantId: 't-1' });
    expect(lines[1]).toMatchObject({ requestId: 'req-2' });
    expect(lines[1]).not.toHaveProperty('tenantId');
  });

  it('stamps the active span’s trace and span ids, and none outside a span', async () => {
    const { lines, destination } = capture();
    const logger = createLogger({ service: 's', destination });
    const ids = await startSpan('handle', async (span) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.info('inside');
      return span.spanContext();
    });
    logger.info('outside');
    expect(lines[0]).toMatchObject({ traceId: ids.traceId, spanId: ids.spanId });
    expect(lines[1]).not.toHaveProperty('traceId');
  });

  it('censors credentials at the top level, one level down and in request headers', () => {
    const { lines, destination } = capture();
    createLogger({ service: 's', destination }).info(
      {
        password: 'p1',
        token: 't1',
        authorization: 'Bearer a1',
        cookie: 'sid=1',
        'x-haat-signature': 'v1=abc',
        user: { email: 'a@b.c', password: 'p2' },
        headers: { authorization: 'Bearer a2', 'x-haat-signature': 'v1=def', accept: 'json' },
        req: { headers: { cookie: 'sid=2', authorization: 'Bearer a3' } },
      },
      'login',
    );
    const line = JSON.stringify(lines[0]);
    for (const secret of ['p1', 't1', 'a1', 'sid=1', 'v1=abc', 'p2', 'a2', 'v1=def', 'sid=2', 'a3']) {
      expect(line).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({
      password: '[REDACTED]',
      user: { email: 'a@b.c', password: '[REDACTED]' },
      headers: { accept: 'json', 'x-haat-signature': '[REDACTED]' },
      req: { headers: { cookie: '[REDACTED]' } },
    });
  });
});

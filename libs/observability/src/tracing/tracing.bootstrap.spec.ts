import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError } from '@haat/common';
import { startSpan } from './span-runner.js';
import { injectTraceparent } from './trace-context.js';
import { startTracing, type TracingHandle } from './tracing.bootstrap.js';

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

describe('startTracing', () => {
  let handle: TracingHandle | undefined;
  afterEach(async () => {
    await handle?.shutdown();
    handle = undefined;
  });

  it('refuses a second start while one is running, and starts again after shutdown', async () => {
    handle = startTracing({ service: 'a', exporter: 'memory' });
    expect(() => startTracing({ service: 'b' })).toThrow(ConflictError);
    await handle.shutdown();
    handle = startTracing({ service: 'b', exporter: 'memory' });
    await startSpan('after restart', () => undefined);
    expect(handle.memory?.getFinishedSpans()[0]?.resource.attributes['service.name']).toBe('b');
  });

  it('propagates ids even when spans are exported nowhere', async () => {
    handle = startTracing({ service: 'quiet' });
    const traceparent = await startSpan('work', () => injectTraceparent());
    expect(traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('exports spans to an OTLP/HTTP collector', async () => {
    const bodies: string[] = [];
    const collector = createServer((request, response) => {
      void readBody(request).then((body) => {
        bodies.push(body);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = collector.address() as AddressInfo;
      handle = startTracing({
        service: 'checkout-service',
        version: '1.2.3',
        exporter: { otlp: { url: `http://127.0.0.1:${port}/v1/traces` } },
      });
      const traceId = await startSpan('checkout', (span) => span.spanContext().traceId);
      await handle.forceFlush();
      const exported = bodies.join('\n');
      expect(exported).toContain('checkout-service');
      expect(exported).toContain('"checkout"');
      expect(exported.toLowerCase()).toContain(traceId);
    } finally {
      await handle?.shutdown();
      handle = undefined;
      await new Promise((resolve) => collector.close(resolve));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { ConflictError } from '@haat/common';
import { HealthRegistry, readinessHttpStatus } from './health.registry.js';
import { ReadinessReportSchema } from './health.schema.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('HealthRegistry', () => {
  it('is live without running any check', () => {
    const registry = new HealthRegistry();
    registry.register('database', () => {
      throw new Error('down');
    });
    expect(registry.live()).toEqual({ status: 'ok' });
  });

  it('is ready with no checks registered', async () => {
    const report = await new HealthRegistry().ready();
    expect(report).toEqual({ status: 'ok', checks: {} });
    expect(readinessHttpStatus(report)).toBe(200);
  });

  it('is ready when every check passes, with each check’s duration', async () => {
    const registry = new HealthRegistry();
    registry.register('database', async () => sleep(20));
    registry.register('bus', () => 'connected');
    const report = await registry.ready();
    expect(ReadinessReportSchema.parse(report)).toEqual(report);
    expect(report.status).toBe('ok');
    expect(report.checks['database']).toMatchObject({ status: 'ok' });
    expect(report.checks['database']?.durationMs).toBeGreaterThanOrEqual(15);
    expect(report.checks['bus']).toMatchObject({ status: 'ok' });
    expect(report.checks['bus']).not.toHaveProperty('error');
  });

  it('is not ready when a check throws, naming the check and its error', async () => {
    const registry = new HealthRegistry();
    registry.register('database', () => undefined);
    registry.register('cache', async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
    });
    const report = await registry.ready();
    expect(report.status).toBe('error');
    expect(readinessHttpStatus(report)).toBe(503);
    expect(report.checks['database']?.status).toBe('ok');
    expect(report.checks['cache']).toMatchObject({
      status: 'error',
      error: 'connect ECONNREFUSED 127.0.0.1:6379',
    });
  });

  it('fails a check that outlasts its timeout, without waiting for it', async () => {
    const registry = new HealthRegistry({ defaultTimeoutMs: 2000 });
    registry.register('bus', () => new Promise(() => undefined), { timeoutMs: 50 });
    const started = Date.now();
    const report = await registry.ready();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(report.checks['bus']).toMatchObject({ status: 'error', error: 'timed out after 50 ms' });
    expect(report.checks['bus']?.durationMs).toBeGreaterThanOrEqual(45);
  });

  it('applies the default timeout of 2 s', async () => {
    const registry = new HealthRegistry();
    registry.register('slow', () => sleep(2500));
    const report = await registry.ready();
    expect(report.checks['slow']).toMatchObject({ status: 'error', error: 'timed out after 2000 ms' });
  });

  it('runs the checks concurrently', async () => {
    const registry = new HealthRegistry();
    for (const name of ['a', 'b', 'c', 'd']) registry.register(name, () => sleep(100));
    const started = Date.now();
    await registry.ready();
    expect(Date.now() - started).toBeLessThan(300);
  });

  it('refuses two checks with one name', () => {
    const registry = new HealthRegistry();
    registry.register('database', () => undefined);
    expect(() => registry.register('database', () => undefined)).toThrow(ConflictError);
  });
});

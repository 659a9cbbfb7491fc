import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type PlatformProcess, startPlatform, waitForOk, freePortOffset } from './platform-process.js';

const platformHost = { host: 'localhost' };

const offset = await freePortOffset();
const gateway = `http://127.0.0.1:${8080 + offset}`;
let dataDir = '';
let proc: PlatformProcess | undefined;

afterAll(async () => {
  await proc?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the platform in embedded mode (./haat start)', () => {
  it('brings every service to ready behind the gateway, with the demo tenant on its host', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'haat-embedded-'));
    proc = startPlatform({ HAAT_DATA_DIR: dataDir, HAAT_PORT_OFFSET: String(offset) });
    const health = (await waitForOk(`${gateway}/health`, proc, 120_000, platformHost)).json();
    expect(health).toMatchObject({ status: 'ok', checks: { 'tenant-service': { status: 'ok' } } });
    const shop = await waitForOk(`${gateway}/api/v1/tenant`, proc, 30_000, { host: 'demo.localhost' });
    expect(shop.json()).toMatchObject({ slug: 'demo', name: 'Haat Demo Bazaar', defaultCurrency: 'BDT' });
    const docs = (await waitForOk(`${gateway}/docs/openapi.json`, proc, 30_000, platformHost)).json();
    expect(Object.keys((docs as { paths: object }).paths)).toContain('/api/v1/tenant');
  }, 180_000);

  it('keeps its data across a restart and seeds the demo only once', async () => {
    expect(await proc?.stop()).toBe(0);
    expect(await readdir(dataDir)).toEqual(expect.arrayContaining(['postgres', 'demo-seeded']));
    proc = startPlatform({ HAAT_DATA_DIR: dataDir, HAAT_PORT_OFFSET: String(offset) });
    await waitForOk(`${gateway}/health`, proc, 120_000, platformHost);
    const list = await waitForOk(`${gateway}/api/v1/platform/tenants`, proc, 30_000, {
      ...platformHost,
      authorization: 'Bearer haat-demo-operator-token',
    });
    const tenants = list.json<{ items: { slug: string }[] }>();
    expect(tenants.items.filter((t) => t.slug === 'demo')).toHaveLength(1);
  }, 180_000);
});

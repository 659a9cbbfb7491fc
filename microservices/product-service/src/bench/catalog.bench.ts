import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { newId } from '@haat/common';
import { createThrowawayDatabase } from '@haat/database';
import { type RunningService, startService } from '@haat/service';
import { signInternalRequest } from '@haat/tenant';
import { productService } from '../service.js';

/**
 * product-service benchmarks, one process (service + load), against the machine's PostgreSQL:
 * a 100,000-row CSV import (rows/s, peak RSS while it runs) and storefront product reads
 * of one product page (requests/s with the per-tenant cache, and with every read missing it:
 * a second instance whose cache entries live 1 ms), load from a separate autocannon process.
 * Gateway overhead is measured by api-gateway's own bench and adds to these reads.
 */
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECRET = 'bench-signing-secret-0123456789abcdef';
const tenantId = newId();
const vendorId = newId();
const HEADER =
  'handle,sku,name_en,name_bn,status,vendor_id,tags,option1_name,option1_value,price,currency,weight_grams';

async function writeCsv(path: string): Promise<void> {
  async function* lines() {
    yield `${HEADER}\n`;
    for (let i = 0; i < ROWS; i++) {
      const p = Math.floor(i / 4);
      yield `item-${p},SKU-${i},Item ${p},পণ্য ${p},active,${vendorId},bench|demo,Size,S${i % 4},${100 + (i % 97)}.50,BDT,250\n`;
    }
  }
  await pipeline(lines(), createWriteStream(path));
}

function signed(method: string, path: string, body?: string) {
  return signInternalRequest({
    method,
    path,
    body,
    secret: SECRET,
    context: {
      tenantId,
      userId: 'bench',
      roles: ['tenant_staff'],
      permissions: [],
      requestId: `bench-${newId()}`,
    },
  });
}

async function json<T>(svc: RunningService, method: string, path: string, body?: unknown): Promise<T> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  const res = await fetch(svc.url + path, {
    method,
    body: text,
    headers: { ...signed(method, path, text), ...(text ? { 'content-type': 'application/json' } : {}) },
  });
  return (await res.json()) as T;
}

/** PUTs the file as a stream: the client holds no more of it in memory than the service does. */
async function upload(svc: RunningService, path: string, file: string): Promise<void> {
  const url = new URL(svc.url + path);
  const size = (await stat(file)).size;
  await new Promise<void>((resolve, reject) => {
    const req = request(
      url,
      { method: 'PUT', headers: { 'content-type': 'text/csv', 'content-length': size } },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 202 ? resolve() : reject(new Error(`upload: ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    createReadStream(file).pipe(req);
  });
}

interface LoadResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
}

/**
 * autocannon in its own process (so the load generator does not compete with the service for
 * this process's event loop) on one product page: signed as a guest of the tenant.
 */
async function readRate(svc: RunningService, slug: string): Promise<LoadResult> {
  const path = `/v1/catalog/products/${slug}`;
  const headers = signInternalRequest({
    method: 'GET',
    path,
    secret: SECRET,
    context: { tenantId, userId: null, roles: [], permissions: [], requestId: `bench-${newId()}` },
  });
  const bin = createRequire(import.meta.url).resolve('autocannon');
  const args = [bin, '--json', '-c', String(CONNECTIONS), '-d', String(DURATION_S)];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  args.push(svc.url + path);
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout) as LoadResult;
}

async function main(): Promise<void> {
  const db = await createThrowawayDatabase('product-service');
  const dir = await mkdtemp(join(tmpdir(), 'haat-product-bench-'));
  const limits = createServer((_req, res) => {
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end('{"allowed":true,"limit":null,"remaining":null}');
  });
  await new Promise<void>((resolve) => limits.listen(0, '127.0.0.1', resolve));
  const env = (cacheTtl: string) => ({
    DATABASE_URL: db.appUrl,
    DATABASE_MIGRATION_URL: db.ownerUrl,
    INTERNAL_SIGNING_SECRET: SECRET,
    LOG_LEVEL: 'silent',
    HTTP_PORT: '0',
    TENANT_SERVICE_URL: `http://127.0.0.1:${(limits.address() as AddressInfo).port}`,
    PRODUCT_IMPORT_DIR: join(dir, 'imports'),
    REPORTS_DIR: join(dir, 'reports'),
    PRODUCT_CACHE_TTL: cacheTtl,
  });
  const cached = await startService(productService, { env: env('5m') });
  try {
    const file = join(dir, 'products.csv');
    await writeCsv(file);
    const job = await json<{ id: string; upload: { url: string } }>(
      cached,
      'POST',
      '/v1/products/imports',
      {},
    );
    let peakRss = process.memoryUsage().rss;
    const started = performance.now();
    await upload(cached, job.upload.url.replace(/^\/api/, ''), file);
    let status = 'queued';
    let rows = 0;
    while (status !== 'completed' && status !== 'failed') {
      await sleep(100);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      const view = await json<{ status: string; progress: { rowsProcessed: number } }>(
        cached,
        'GET',
        `/v1/products/imports/${job.id}`,
      );
      status = view.status;
      rows = view.progress.rowsProcessed;
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `CSV import: ${rows} rows (${(await stat(file)).size} bytes) in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds)} rows/s, ` +
        `status ${status}, peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MiB`,
    );

    const warm = await readRate(cached, 'item-7');
    console.log(
      `storefront reads, cached: ${Math.round(warm.requests.average)} req/s, p50 ${warm.latency.p50} ms, p99 ${warm.latency.p99} ms, non-2xx ${warm.non2xx}`,
    );
    const uncached = await startService(productService, { env: env('1ms') });
    try {
      const cold = await readRate(uncached, 'item-7');
      console.log(
        `storefront reads, uncached: ${Math.round(cold.requests.average)} req/s, p50 ${cold.latency.p50} ms, p99 ${cold.latency.p99} ms, non-2xx ${cold.non2xx}`,
      );
    } finally {
      await uncached.close();
    }
  } finally {
    await cached.close();
    limits.close();
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();

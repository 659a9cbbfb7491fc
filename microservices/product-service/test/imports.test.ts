import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Caller,
  type ErrorJson,
  eventually,
  guest,
  type Harness,
  staff,
  startHarness,
  vendorStaff,
} from './support/product-service.harness.js';

interface ImportView {
  id: string;
  status: string;
  error: string | null;
  progress: { percent: number; rowsProcessed: number; bytesRead: number; bytesTotal: number | null };
  rows: { created: number; updated: number; unchanged: number; failed: number };
  errors: { line: number; column: string | null; code: string; sku: string | null }[];
  upload: { url: string };
}

let h: Harness;
const tenant = newId();
const vendor = newId();
const otherVendor = newId();
const MAX_BYTES = 3 * 1024 * 1024;

const HEADER =
  'handle,sku,name_en,name_bn,description_en,status,vendor_id,category,brand,tags,option1_name,option1_value,price,compare_at_price,currency,barcode,weight_grams';

/** Starts an import and uploads `csv` to its signed URL; returns the finished job. */
async function importCsv(csv: string | Buffer, as: Caller = staff(tenant)): Promise<ImportView> {
  const created = await h.call<ImportView>('POST', '/v1/products/imports', {
    as,
    body: { fileName: 'products.csv' },
  });
  expect(created.status, created.text).toBe(201);
  const put = await h.raw('PUT', created.json.upload.url.replace(/^\/api/, ''), {
    body: csv,
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
  expect(put.status, put.text).toBe(202);
  const done = await eventually(
    () => h.call<ImportView>('GET', `/v1/products/imports/${created.json.id}`, { as }),
    (r) => r.json.status === 'completed' || r.json.status === 'failed',
    60_000,
  );
  return done.json;
}

async function productBySku(sku: string) {
  const list = await h.call<{
    items: {
      id: string;
      slug: string;
      version: number;
      name: { en: string; bn: string | null };
      description: { en: string | null };
      tags: string[];
      variants: { sku: string; price: { amountMinor: string } }[];
    }[];
  }>('GET', `/v1/products?sku=${encodeURIComponent(sku)}`, { as: staff(tenant) });
  return list.json.items.find((p) => p.variants.some((v) => v.sku === sku));
}

beforeAll(async () => {
  h = await startHarness({ PRODUCT_IMPORT_BATCH_SIZE: '50', PRODUCT_IMPORT_MAX_BYTES: String(MAX_BYTES) });
  const cat = await h.call('POST', '/v1/categories', {
    as: staff(tenant),
    body: { name: { en: 'Sarees' }, slug: 'sarees' },
  });
  expect(cat.status).toBe(201);
});
afterAll(async () => {
  await h?.close();
});

describe('CSV import', () => {
  it('reads a file with a BOM, CRLF line ends, quoted commas, line breaks and Bangla', async () => {
    const csv =
      '\uFEFF' +
      [
        HEADER,
        `jamdani,JAM-RED,Jamdani Saree,জামদানি শাড়ি,"Handwoven, fine ""muslin""\r\nfrom Rupganj",active,${vendor},sarees,Tangail Looms,handloom|saree,Colour,Red,"1,250.50",,BDT,,450`,
        `jamdani,JAM-BLUE,Jamdani Saree,জামদানি শাড়ি,"Handwoven, fine ""muslin""\r\nfrom Rupganj",active,${vendor},sarees,Tangail Looms,handloom|saree,Colour,Blue,1300,1500,BDT,,450`,
      ].join('\r\n') +
      '\r\n';
    const job = await importCsv(csv);
    expect(job).toMatchObject({ status: 'completed', rows: { created: 2, failed: 0 } });
    const p = await productBySku('JAM-RED');
    expect(p).toMatchObject({
      slug: 'jamdani',
      name: { en: 'Jamdani Saree', bn: 'জামদানি শাড়ি' },
      description: { en: 'Handwoven, fine "muslin"\r\nfrom Rupganj' },
      tags: ['handloom', 'saree'],
    });
    expect(p?.variants.map((v) => [v.sku, v.price.amountMinor])).toEqual([
      ['JAM-RED', '125050'],
      ['JAM-BLUE', '130000'],
    ]);
    const page = await h.call<{ breadcrumbs: { slug: string }[]; brand: { name: string } }>(
      'GET',
      '/v1/catalog/products/jamdani',
      { as: guest(tenant) },
    );
    expect(page.json).toMatchObject({ breadcrumbs: [{ slug: 'sarees' }], brand: { name: 'Tangail Looms' } });

    // The same file again: upsert by SKU finds everything already there.
    const before = await productBySku('JAM-RED');
    const updatesBefore = (await h.outbox('product.updated.v1')).length;
    const again = await importCsv(csv);
    expect(again).toMatchObject({
      status: 'completed',
      rows: { created: 0, updated: 0, unchanged: 2, failed: 0 },
    });
    expect((await productBySku('JAM-RED'))?.version).toBe(before?.version);
    expect(await h.outbox('product.updated.v1')).toHaveLength(updatesBefore);
  });

  it('lands the good rows of a file with 5% bad rows and reports each bad one by line and column', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 100; i++)
      lines.push(`bulk-${i},BULK-${i},Bulk item ${i},,,draft,${vendor},,,,,,${100 + i}.00,,BDT,,`);
    // Five bad rows of a hundred, each bad in another column (line = index + 1: the header is line 1).
    const bad = new Map<number, string>([
      [5, 'price'],
      [29, 'sku'],
      [42, 'category'],
      [62, 'weight_grams'],
      [90, 'currency'],
    ]);
    lines[4] = `bulk-3,BULK-3,Bulk item 3,,,draft,${vendor},,,,,,12.345,,BDT,,`;
    lines[28] = `bulk-27,bad sku!,Bulk item 27,,,draft,${vendor},,,,,,100,,BDT,,`;
    lines[41] = `bulk-40,BULK-40,Bulk item 40,,,draft,${vendor},no-such-category,,,,,100,,BDT,,`;
    lines[61] = `bulk-60,BULK-60,Bulk item 60,,,draft,${vendor},,,,,,100,,BDT,,not-a-number`;
    lines[89] = `bulk-88,BULK-88,Bulk item 88,,,draft,${vendor},,,,,,100,,XYZ,,`;
    const job = await importCsv(lines.join('\n'));
    expect(job.status).toBe('completed');
    expect(job.rows.failed).toBe(bad.size);
    expect(job.rows.created).toBe(100 - bad.size);
    const all = await h.call<{ items: ImportView['errors'] }>(
      'GET',
      `/v1/products/imports/${job.id}/errors?limit=100`,
      { as: staff(tenant) },
    );
    expect(all.json.items.map((e) => [e.line, e.column])).toEqual(
      [...bad.entries()].sort((a, b) => a[0] - b[0]),
    );
    expect(await productBySku('BULK-0')).toBeDefined();
    expect(await productBySku('BULK-3')).toBeUndefined();
  });

  it('re-imports its own export without changing anything', async () => {
    const exported = await h.call('GET', '/v1/products/export.csv', { as: staff(tenant) });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('text/csv');
    expect(exported.text).toContain('জামদানি শাড়ি');
    const job = await importCsv(exported.text);
    expect(job).toMatchObject({ status: 'completed', rows: { created: 0, updated: 0, failed: 0 } });
    expect(job.rows.unchanged).toBe(job.progress.rowsProcessed);
    expect(job.rows.unchanged).toBe(2 + 95);
  });

  it('runs a large import as a background job whose progress can be followed', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 2_000; i++)
      lines.push(
        `big-${Math.floor(i / 4)},BIG-${i},Big ${Math.floor(i / 4)},,,active,${vendor},,,,Size,S${i % 4},99.50,,BDT,,`,
      );
    const created = await h.call<ImportView>('POST', '/v1/products/imports', { as: staff(tenant), body: {} });
    await h.raw('PUT', created.json.upload.url.replace(/^\/api/, ''), {
      body: lines.join('\n'),
      headers: { 'content-type': 'text/csv' },
    });
    const seen: number[] = [];
    const done = await eventually(
      async () => {
        const r = await h.call<ImportView>('GET', `/v1/products/imports/${created.json.id}`, {
          as: staff(tenant),
        });
        seen.push(r.json.progress.rowsProcessed);
        return r;
      },
      (r) => r.json.status === 'completed',
      60_000,
    );
    expect(done.json.rows.created).toBe(2_000);
    expect(done.json.progress).toMatchObject({ percent: 100, rowsProcessed: 2_000 });
    expect(done.json.progress.bytesRead).toBe(done.json.progress.bytesTotal);
    expect(seen.some((n) => n > 0 && n < 2_000)).toBe(true);
    const p = await productBySku('BIG-5');
    expect(p?.variants).toHaveLength(4);
  });

  it('applies the vendor scope and the plan limit row by row', async () => {
    const t = newId();
    h.limits.limits.set(t, 2);
    const csv = [
      HEADER,
      `lim-a,LIM-A,A,,,draft,${vendor},,,,,,1,,BDT,,`,
      `lim-b,LIM-B,B,,,draft,${vendor},,,,,,1,,BDT,,`,
      `lim-c,LIM-C,C,,,draft,${vendor},,,,,,1,,BDT,,`,
    ].join('\n');
    const job = await importCsv(csv, staff(t));
    expect(job.rows).toMatchObject({ created: 2, failed: 1 });
    expect(job.errors).toEqual([
      expect.objectContaining({ line: 4, column: 'handle', code: 'PRODUCT_LIMIT_REACHED' }),
    ]);

    h.limits.limits.set(t, 3);
    const theirs = [
      HEADER,
      `lim-a,LIM-X,X,,,draft,,,,,,,1,,BDT,,`,
      `mine-1,MINE-1,Mine,,,draft,,,,,,,1,,BDT,,`,
    ].join('\n');
    const scoped = await importCsv(theirs, vendorStaff(t, otherVendor));
    expect(scoped.errors).toEqual([expect.objectContaining({ line: 2, code: 'PRODUCT_VENDOR_FORBIDDEN' })]);
  });

  it('fails a file without the required columns as a whole', async () => {
    const job = await importCsv('name,price\nx,1\n');
    expect(job.status).toBe('failed');
    expect(job.error).toContain('handle');
  });
});

describe('the upload URL', () => {
  it('refuses a wrong content type (415), an oversized file (413), a forged signature (401) and a second upload (409)', async () => {
    const created = await h.call<ImportView>('POST', '/v1/products/imports', { as: staff(tenant), body: {} });
    const path = created.json.upload.url.replace(/^\/api/, '');
    const json = await h.raw('PUT', path, { body: '{}', headers: { 'content-type': 'application/json' } });
    expect(json.status).toBe(415);
    const big = await h.raw('PUT', path, {
      body: Buffer.alloc(MAX_BYTES + 1, 'a'),
      headers: { 'content-type': 'text/csv' },
    });
    expect(big.status).toBe(413);
    expect((big.json as unknown as ErrorJson).error.code).toBe('IMPORT_FILE_TOO_LARGE');
    const forged = await h.raw('PUT', path.replace(/signature=[0-9a-f]{4}/, 'signature=0000'), {
      body: HEADER,
      headers: { 'content-type': 'text/csv' },
    });
    expect(forged.status).toBe(401);
    const first = await h.raw('PUT', path, { body: `${HEADER}\n`, headers: { 'content-type': 'text/csv' } });
    expect(first.status).toBe(202);
    const second = await h.raw('PUT', path, { body: `${HEADER}\n`, headers: { 'content-type': 'text/csv' } });
    expect(second.status).toBe(409);
  });
});

import { newId } from '@haat/common';
import { seedDemoCatalog } from '../src/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ErrorJson,
  eventually,
  guest,
  type Harness,
  staff,
  startHarness,
  vendorStaff,
} from './support/product-service.harness.js';

interface Category {
  id: string;
  slug: string;
  breadcrumbs: { id: string; slug: string; name: { en: string } }[];
  attributes: { code: string }[];
}
interface Product {
  id: string;
  slug: string;
  status: string;
  version: number;
  vendorId: string;
  variants: { id: string; sku: string; options: Record<string, string>; price: { amountMinor: string } }[];
  breadcrumbs: { slug: string }[];
}

let h: Harness;
const tenantA = newId();
const tenantB = newId();
const vendor1 = newId();
const vendor2 = newId();

const money = (amountMinor: number) => ({ amountMinor, currency: 'BDT' });

async function category(name: string, parentId?: string): Promise<Category> {
  const r = await h.call<Category>('POST', '/v1/categories', {
    as: staff(tenantA),
    body: { name: { en: name }, parentId },
  });
  expect(r.status, r.text).toBe(201);
  return r.json;
}

async function product(body: Record<string, unknown>, as = staff(tenantA)) {
  return h.call<Product>('POST', '/v1/products', { as, body: { vendorId: vendor1, ...body } });
}

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the taxonomy', () => {
  it('keeps breadcrumbs right when a subtree moves, and refuses a move into its own subtree', async () => {
    const clothing = await category('Clothing');
    const women = await category('Women', clothing.id);
    const sarees = await category('Sarees', women.id);
    const ethnic = await category('Ethnic wear');
    expect(sarees.breadcrumbs.map((b) => b.slug)).toEqual(['clothing', 'women', 'sarees']);

    const moved = await h.call<Category>('POST', `/v1/categories/${women.id}/move`, {
      as: staff(tenantA),
      body: { parentId: ethnic.id },
    });
    expect(moved.status, moved.text).toBe(200);
    const after = await h.call<Category>('GET', `/v1/categories/${sarees.id}`, { as: guest(tenantA) });
    expect(after.json.breadcrumbs.map((b) => b.slug)).toEqual(['ethnic-wear', 'women', 'sarees']);

    const cycle = await h.call<ErrorJson>('POST', `/v1/categories/${ethnic.id}/move`, {
      as: staff(tenantA),
      body: { parentId: sarees.id },
    });
    expect(cycle.status).toBe(409);
    expect(cycle.json.error.code).toBe('CATEGORY_MOVE_CYCLE');
    const events = await h.outbox('product.category-changed.v1', women.id);
    expect(events.at(-1)?.payload).toMatchObject({ descendantIds: [sarees.id] });
  });

  it('gives subcategories their ancestors’ attributes and types product values by them', async () => {
    const home = await category('Home');
    const lamps = await category('Lamps', home.id);
    const attr = await h.call('POST', `/v1/categories/${home.id}/attributes`, {
      as: staff(tenantA),
      body: {
        code: 'material',
        label: { en: 'Material', bn: 'উপাদান' },
        type: 'enum',
        options: ['brass', 'clay'],
        required: true,
      },
    });
    expect(attr.status, attr.text).toBe(201);
    const got = await h.call<Category>('GET', `/v1/categories/${lamps.id}`, { as: guest(tenantA) });
    expect(got.json.attributes.map((a) => a.code)).toEqual(['material']);
    const bad = await h.call<ErrorJson>('POST', '/v1/products', {
      as: staff(tenantA),
      body: {
        vendorId: vendor1,
        name: { en: 'Lamp' },
        categoryId: lamps.id,
        status: 'active',
        attributes: { material: 'glass' },
        variants: [{ sku: 'LAMP-1', price: money(1000) }],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.fields?.[0]?.field).toBe('attributes.material');
    const missing = await product({
      name: { en: 'Lamp' },
      categoryId: lamps.id,
      status: 'active',
      variants: [{ sku: 'LAMP-2', price: money(1000) }],
    });
    expect(missing.status).toBe(400);
    const ok = await product({
      name: { en: 'Lamp' },
      categoryId: lamps.id,
      status: 'active',
      attributes: { material: 'clay' },
      variants: [{ sku: 'LAMP-3', price: money(1000) }],
    });
    expect(ok.status, ok.text).toBe(201);
  });
});

describe('products and variants', () => {
  it('generates the size × colour matrix, each variant with its own SKU', async () => {
    const r = await product({
      name: { en: 'Cotton Tee', bn: 'সুতির টি-শার্ট' },
      options: [
        { name: 'Size', values: ['S', 'M', 'L'] },
        { name: 'Colour', values: ['Red', 'Blue'] },
      ],
      generateVariants: {
        skuPrefix: 'TEE',
        price: money(50_000),
        compareAtPrice: money(60_000),
        weightGrams: 200,
      },
    });
    expect(r.status, r.text).toBe(201);
    expect(r.json.variants.map((v) => v.sku)).toEqual([
      'TEE-S-RED',
      'TEE-S-BLUE',
      'TEE-M-RED',
      'TEE-M-BLUE',
      'TEE-L-RED',
      'TEE-L-BLUE',
    ]);
    expect(r.json.slug).toBe('cotton-tee');
    const created = await h.outbox('product.created.v1', r.json.id);
    expect(created[0]?.payload).toMatchObject({
      name: { en: 'Cotton Tee', bn: 'সুতির টি-শার্ট' },
      variants: expect.arrayContaining([
        expect.objectContaining({ sku: 'TEE-M-BLUE', price: { amountMinor: '50000', currency: 'BDT' } }),
      ]),
    });
  });

  it('refuses a SKU another product has, naming it', async () => {
    await product({ name: { en: 'Mug' }, variants: [{ sku: 'MUG-1', price: money(300) }] });
    const dup = await product({ name: { en: 'Other mug' }, variants: [{ sku: 'MUG-1', price: money(300) }] });
    expect(dup.status).toBe(409);
    expect((dup.json as unknown as ErrorJson).error).toMatchObject({
      code: 'PRODUCT_SKU_TAKEN',
      details: { sku: 'MUG-1' },
    });
  });

  it('emits price-changed when a variant is repriced and archived when archived', async () => {
    const p = (
      await product({
        name: { en: 'Kettle' },
        status: 'active',
        variants: [{ sku: 'KET-1', price: money(2000) }],
      })
    ).json;
    const variant = p.variants[0];
    const repriced = await h.call<Product>('PATCH', `/v1/products/${p.id}/variants/${variant?.id}`, {
      as: staff(tenantA),
      body: { price: money(1800) },
    });
    expect(repriced.status, repriced.text).toBe(200);
    const [changed] = await h.outbox('product.price-changed.v1', p.id);
    expect(changed?.payload).toMatchObject({
      sku: 'KET-1',
      previous: { price: { amountMinor: '2000' } },
      current: { price: { amountMinor: '1800' } },
    });
    await h.call('POST', `/v1/products/${p.id}/archive`, { as: staff(tenantA) });
    expect(await h.outbox('product.archived.v1', p.id)).toHaveLength(1);
  });

  it('answers 409 to an update based on an old version', async () => {
    const p = (await product({ name: { en: 'Tray' }, variants: [{ sku: 'TRAY-1', price: money(900) }] }))
      .json;
    const first = await h.call('PATCH', `/v1/products/${p.id}`, {
      as: staff(tenantA),
      body: { version: p.version, tags: ['brass'] },
    });
    expect(first.status).toBe(200);
    const stale = await h.call<ErrorJson>('PATCH', `/v1/products/${p.id}`, {
      as: staff(tenantA),
      body: { version: p.version, tags: ['clay'] },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('PRODUCT_VERSION_CONFLICT');
  });
});

describe('vendor scope', () => {
  it("lets a vendor change only their own vendor's products, while tenant staff moderate all", async () => {
    const mine = await product(
      { name: { en: 'Vendor one bag' }, variants: [{ sku: 'V1-BAG', price: money(1500) }] },
      vendorStaff(tenantA, vendor1),
    );
    expect(mine.status, mine.text).toBe(201);
    expect(mine.json.vendorId).toBe(vendor1);
    const theirs = await product(
      {
        vendorId: vendor2,
        name: { en: 'Vendor two bag' },
        variants: [{ sku: 'V2-BAG', price: money(1500) }],
      },
      staff(tenantA),
    );

    const edit = await h.call<ErrorJson>('PATCH', `/v1/products/${theirs.json.id}`, {
      as: vendorStaff(tenantA, vendor1),
      body: { name: { en: 'Hijacked' } },
    });
    expect(edit.status).toBe(403);
    expect(edit.json.error.code).toBe('PRODUCT_VENDOR_FORBIDDEN');
    const create = await product(
      { vendorId: vendor2, name: { en: 'Sneaky' }, variants: [{ sku: 'SNEAKY', price: money(1) }] },
      vendorStaff(tenantA, vendor1),
    );
    expect(create.status).toBe(403);

    const list = await h.call<{ items: Product[] }>('GET', '/v1/products?limit=100', {
      as: vendorStaff(tenantA, vendor1),
    });
    expect(list.json.items.every((p) => p.vendorId === vendor1)).toBe(true);
    const moderated = await h.call('PATCH', `/v1/products/${mine.json.id}`, {
      as: staff(tenantA),
      body: { status: 'archived' },
    });
    expect(moderated.status).toBe(200);
  });
});

describe('slugs and the storefront', () => {
  it('transliterates a Bangla name into the slug and redirects an old slug to the new one', async () => {
    const p = await product({
      name: { en: 'জামদানি শাড়ি', bn: 'জামদানি শাড়ি' },
      status: 'active',
      variants: [{ sku: 'JAM-1', price: money(1_250_050) }],
    });
    expect(p.json.slug).toMatch(/^jaamdaani-/);
    const renamed = await h.call<Product>('PATCH', `/v1/products/${p.json.id}`, {
      as: staff(tenantA),
      body: { slug: 'jamdani-saree' },
    });
    expect(renamed.status, renamed.text).toBe(200);

    const old = await h.call<{ redirectTo: string }>('GET', `/v1/catalog/products/${p.json.slug}`, {
      as: guest(tenantA),
    });
    expect(old.status).toBe(308);
    expect(old.json.redirectTo).toBe('jamdani-saree');
    expect(old.headers.get('location')).toBe('jamdani-saree');

    const page = await h.call<{
      seo: { canonicalUrl: string; jsonLd: Record<string, unknown> };
      variants: Record<string, unknown>[];
    }>('GET', '/v1/catalog/products/jamdani-saree?locale=bn', { as: guest(tenantA) });
    expect(page.status).toBe(200);
    expect(page.json.seo.canonicalUrl).toBe('https://shop.example.com/products/jamdani-saree');
    expect(page.json.seo.jsonLd).toMatchObject({
      '@type': 'Product',
      name: 'জামদানি শাড়ি',
      offers: { price: '12500.50', priceCurrency: 'BDT' },
    });
    expect(page.json.variants[0]).not.toHaveProperty('cost');

    const taken = await product({
      name: { en: 'Another' },
      slug: p.json.slug,
      variants: [{ sku: 'JAM-2', price: money(1) }],
    });
    expect(taken.status).toBe(409);
  });

  it('serves storefront reads with an ETag and shows an update at once', async () => {
    const p = (
      await product({
        name: { en: 'Brass Lamp' },
        status: 'active',
        variants: [{ sku: 'BL-1', price: money(5000) }],
      })
    ).json;
    const first = await h.call('GET', `/v1/catalog/products/${p.slug}`, { as: guest(tenantA) });
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await h.call('GET', `/v1/catalog/products/${p.slug}`, {
      as: guest(tenantA),
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    await h.call('PATCH', `/v1/products/${p.id}`, {
      as: staff(tenantA),
      body: { name: { en: 'Polished Brass Lamp' } },
    });
    const fresh = await h.call<{ name: { en: string } }>('GET', `/v1/catalog/products/${p.slug}`, {
      as: guest(tenantA),
      headers: { 'if-none-match': etag },
    });
    expect(fresh.status).toBe(200);
    expect(fresh.json.name.en).toBe('Polished Brass Lamp');
  });

  it('hides drafts from the storefront', async () => {
    const p = (
      await product({ name: { en: 'Secret draft' }, variants: [{ sku: 'DRAFT-1', price: money(1) }] })
    ).json;
    expect((await h.call('GET', `/v1/catalog/products/${p.slug}`, { as: guest(tenantA) })).status).toBe(404);
  });
});

describe('the plan limit', () => {
  it('refuses products past the plan limit, also to parallel creates', async () => {
    const t = newId();
    h.limits.limits.set(t, 3);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        h.call('POST', '/v1/products', {
          as: staff(t),
          body: {
            vendorId: vendor1,
            name: { en: `Item ${i}` },
            variants: [{ sku: `LIM-${i}`, price: money(100) }],
          },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(3);
    expect((refused[0]?.json as unknown as ErrorJson).error.code).toBe('PRODUCT_LIMIT_REACHED');
    expect(h.limits.calls.some((c) => c.tenantId === t && c.body.resource === 'products')).toBe(true);
  });
});

describe('tenant isolation', () => {
  it("keeps tenant B away from tenant A's products through every endpoint", async () => {
    const p = (
      await product({
        name: { en: 'Tenant A only' },
        status: 'active',
        variants: [{ sku: 'A-ONLY', price: money(100) }],
      })
    ).json;
    expect((await h.call('GET', `/v1/products/${p.id}`, { as: staff(tenantB) })).status).toBe(404);
    expect(
      (await h.call('PATCH', `/v1/products/${p.id}`, { as: staff(tenantB), body: { tags: ['x'] } })).status,
    ).toBe(404);
    expect((await h.call('GET', `/v1/catalog/products/${p.slug}`, { as: guest(tenantB) })).status).toBe(404);
    const list = await h.call<{ items: unknown[] }>('GET', '/v1/products', { as: staff(tenantB) });
    expect(list.json.items).toEqual([]);
    const exported = await h.call('GET', '/v1/products/export.csv', { as: staff(tenantB) });
    expect(exported.text).not.toContain('A-ONLY');
    // The same SKU is free in another tenant.
    const same = await h.call('POST', '/v1/products', {
      as: staff(tenantB),
      body: { vendorId: vendor1, name: { en: 'B' }, variants: [{ sku: 'A-ONLY', price: money(1) }] },
    });
    expect(same.status).toBe(201);
  });
});

describe('the catalogue report', () => {
  it('renders the catalogue as a PDF off the request thread', async () => {
    const requested = await h.call<{ id: string }>('POST', '/v1/products/reports', {
      as: staff(tenantA),
      body: { kind: 'product.catalogue', params: {} },
    });
    expect(requested.status, requested.text).toBe(202);
    const ready = await eventually(
      () =>
        h.call<{ status: string }>('GET', `/v1/products/reports/${requested.json.id}`, {
          as: staff(tenantA),
        }),
      (r) => r.json.status === 'ready' || r.json.status === 'failed',
    );
    expect(ready.json.status).toBe('ready');
    const file = await h.call('GET', `/v1/products/reports/${requested.json.id}/file`, {
      as: staff(tenantA),
    });
    expect(file.headers.get('content-type')).toContain('application/pdf');
    expect(file.text.startsWith('%PDF')).toBe(true);
  });
});

describe('the demo catalogue', () => {
  it('seeds a browsable catalogue once', async () => {
    const t = newId();
    expect(await seedDemoCatalog(h.svc.app, { tenantId: t, vendorIds: [vendor1] })).toEqual({ products: 3 });
    expect(await seedDemoCatalog(h.svc.app, { tenantId: t, vendorIds: [vendor1] })).toEqual({ products: 0 });
    const shelf = await h.call<{ items: { slug: string; variants: unknown[] }[] }>(
      'GET',
      '/v1/catalog/products?category=clothing',
      {
        as: guest(t),
      },
    );
    expect(shelf.json.items.map((p) => [p.slug, p.variants.length]).sort()).toEqual([
      ['cotton-panjabi', 6],
      ['jamdani-saree', 2],
    ]);
  });
});

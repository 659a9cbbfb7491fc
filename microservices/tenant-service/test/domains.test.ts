import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Domain } from '../src/modules/domains/dto/domain.dto.js';
import type { Tenant } from '../src/modules/tenants/dto/tenant.dto.js';
import {
  type ErrorJson,
  type Harness,
  newTenantBody,
  owner,
  staff,
  startHarness,
} from './support/tenant-service.harness.js';

let h: Harness;
let a: Tenant;
let b: Tenant;
beforeAll(async () => {
  h = await startHarness();
  a = (await h.call<Tenant>('POST', '/v1/platform/tenants', { body: newTenantBody() })).json;
  b = (await h.call<Tenant>('POST', '/v1/platform/tenants', { body: newTenantBody() })).json;
});
afterAll(async () => {
  await h?.close();
});

const uniqueHost = () => `shop-${newId().slice(-8)}.example.com`;

async function addDomain(tenant: Tenant, hostname = uniqueHost()): Promise<Domain> {
  const r = await h.call<Domain>('POST', '/v1/tenant/domains', { as: owner(tenant.id), body: { hostname } });
  expect(r.status, r.text).toBe(201);
  return r.json;
}

describe('the platform subdomain', () => {
  it('is every tenant’s first domain, verified, without a verification record', async () => {
    const r = await h.call<{ items: Domain[] }>('GET', '/v1/tenant/domains', { as: owner(a.id) });
    expect(r.status).toBe(200);
    expect(r.json.items[0]).toMatchObject({
      hostname: `${a.slug}.localhost`,
      kind: 'subdomain',
      verified: true,
      verification: null,
    });
  });

  it('cannot be removed', async () => {
    const [sub] = (await h.call<{ items: Domain[] }>('GET', '/v1/tenant/domains', { as: owner(a.id) })).json
      .items;
    const r = await h.call<ErrorJson>('DELETE', `/v1/tenant/domains/${sub?.id}`, { as: owner(a.id) });
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('DOMAIN_NOT_REMOVABLE');
  });
});

describe('adding a custom domain', () => {
  it('stores it lower-case and unverified, with the TXT record to publish, and announces it', async () => {
    const host = uniqueHost();
    const r = await h.call<Domain>('POST', '/v1/tenant/domains', {
      as: owner(a.id),
      body: { hostname: `${host.toUpperCase()}.` },
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ hostname: host, kind: 'custom', verified: false, verifiedAt: null });
    expect(r.json.verification).toEqual({
      recordType: 'TXT',
      recordName: `_haat-verify.${host}`,
      recordValue: expect.stringMatching(/^haat-verify=[A-Za-z0-9_-]{32}$/),
    });
    const events = await h.outbox('tenant.domain-added.v1', a.id);
    expect(events.map((e) => e.payload)).toContainEqual({
      tenantId: a.id,
      domainId: r.json.id,
      hostname: host,
      kind: 'custom',
    });
  });

  it('refuses names that are not public host names with 400 naming hostname', async () => {
    for (const hostname of [
      'not a host',
      'localhost',
      '192.168.1.10',
      'shop.local',
      'store.test',
      'intranet',
      'evil.localhost',
      `${b.slug}.localhost`,
      'a..b.com',
      'x'.repeat(64) + '.com',
    ]) {
      const r = await h.call<ErrorJson>('POST', '/v1/tenant/domains', {
        as: owner(a.id),
        body: { hostname },
      });
      expect(r.status, hostname).toBe(400);
      expect(r.json.error.details.fields?.[0]?.field, hostname).toBe('hostname');
    }
    const extra = await h.call<ErrorJson>('POST', '/v1/tenant/domains', {
      as: owner(a.id),
      body: { hostname: uniqueHost(), primary: true },
    });
    expect(extra.status).toBe(400);
  });

  it('answers 409 DOMAIN_HOSTNAME_TAKEN when any tenant has the name', async () => {
    const d = await addDomain(a);
    for (const tenant of [a, b]) {
      const r = await h.call<ErrorJson>('POST', '/v1/tenant/domains', {
        as: owner(tenant.id),
        body: { hostname: d.hostname },
      });
      expect(r.status).toBe(409);
      expect(r.json.error.code).toBe('DOMAIN_HOSTNAME_TAKEN');
    }
  });

  it('needs domain permissions: plain staff get 403', async () => {
    const r = await h.call<ErrorJson>('POST', '/v1/tenant/domains', {
      as: staff(a.id),
      body: { hostname: uniqueHost() },
    });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('PERMISSION_DENIED');
  });

  it('answers 404 TENANT_NOT_FOUND when the signed tenant does not exist', async () => {
    const r = await h.call<ErrorJson>('POST', '/v1/tenant/domains', {
      as: owner(newId()),
      body: { hostname: uniqueHost() },
    });
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('TENANT_NOT_FOUND');
  });
});

describe('verifying a custom domain against DNS', () => {
  it('verifies when the TXT record carries the token, and announces it once', async () => {
    const d = await addDomain(a);
    const v = d.verification;
    if (!v) throw new Error('a custom domain has a verification record');
    h.dns.setTxt(v.recordName, ['v=spf1 -all'], [v.recordValue.slice(0, 20), v.recordValue.slice(20)]);
    const r = await h.call<Domain>('POST', `/v1/tenant/domains/${d.id}/verify`, { as: owner(a.id) });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ id: d.id, verified: true, verifiedAt: expect.any(String) });
    const again = await h.call<Domain>('POST', `/v1/tenant/domains/${d.id}/verify`, { as: owner(a.id) });
    expect(again.json.verifiedAt).toBe(r.json.verifiedAt);
    const events = (await h.outbox('tenant.domain-verified.v1', a.id)).filter(
      (e) => e.payload.domainId === d.id,
    );
    expect(events.map((e) => e.payload)).toEqual([{ tenantId: a.id, domainId: d.id, hostname: d.hostname }]);
  });

  it('answers 422 DOMAIN_VERIFICATION_FAILED when the record is missing or carries another token', async () => {
    const missing = await addDomain(a);
    const r1 = await h.call<ErrorJson>('POST', `/v1/tenant/domains/${missing.id}/verify`, {
      as: owner(a.id),
    });
    expect(r1.status).toBe(422);
    expect(r1.json.error).toMatchObject({
      code: 'DOMAIN_VERIFICATION_FAILED',
      details: { recordName: `_haat-verify.${missing.hostname}`, found: [] },
    });

    const wrong = await addDomain(a);
    h.dns.setTxt(`_haat-verify.${wrong.hostname}`, ['haat-verify=someone-elses-token']);
    const r2 = await h.call<ErrorJson>('POST', `/v1/tenant/domains/${wrong.id}/verify`, { as: owner(a.id) });
    expect(r2.status).toBe(422);
    expect(r2.json.error.details.found).toEqual(['haat-verify=someone-elses-token']);
    expect(
      (await h.call<Domain>('GET', `/v1/tenant/domains/${wrong.id}`, { as: owner(a.id) })).json.verified,
    ).toBe(false);
    expect(
      (await h.outbox('tenant.domain-verified.v1', a.id)).filter((e) => e.payload.domainId === wrong.id),
    ).toHaveLength(0);
  });

  it('answers 503 DOMAIN_DNS_UNAVAILABLE with Retry-After when DNS fails', async () => {
    const d = await addDomain(a);
    h.dns.breakName(`_haat-verify.${d.hostname}`);
    const r = await h.call<ErrorJson>('POST', `/v1/tenant/domains/${d.id}/verify`, { as: owner(a.id) });
    expect(r.status).toBe(503);
    expect(r.json.error.code).toBe('DOMAIN_DNS_UNAVAILABLE');
    expect(r.headers.get('retry-after')).toBe('30');
  });
});

describe('removing a custom domain', () => {
  it('deletes it, announces it, and frees the name', async () => {
    const d = await addDomain(a);
    expect((await h.call('DELETE', `/v1/tenant/domains/${d.id}`, { as: owner(a.id) })).status).toBe(204);
    expect((await h.call('GET', `/v1/tenant/domains/${d.id}`, { as: owner(a.id) })).status).toBe(404);
    expect((await h.outbox('tenant.domain-removed.v1', a.id)).map((e) => e.payload.domainId)).toContain(d.id);
    await addDomain(b, d.hostname);
  });
});

describe('tenant isolation', () => {
  it('keeps tenant B’s domains out of tenant A’s reach', async () => {
    const d = await addDomain(b);
    h.dns.setTxt(`_haat-verify.${d.hostname}`, [d.verification?.recordValue ?? '']);
    const list = await h.call<{ items: Domain[] }>('GET', '/v1/tenant/domains?limit=100', {
      as: owner(a.id),
    });
    expect(list.json.items.map((x) => x.id)).not.toContain(d.id);
    for (const [method, path] of [
      ['GET', `/v1/tenant/domains/${d.id}`],
      ['POST', `/v1/tenant/domains/${d.id}/verify`],
      ['DELETE', `/v1/tenant/domains/${d.id}`],
    ] as const) {
      const r = await h.call<ErrorJson>(method, path, { as: owner(a.id) });
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(r.json.error.code).toBe('DOMAIN_NOT_FOUND');
    }
    const mine = await h.call<Domain>('GET', `/v1/tenant/domains/${d.id}`, { as: owner(b.id) });
    expect(mine.json).toMatchObject({ id: d.id, verified: false });
  });

  it('answers 400 naming id for a malformed id and 404 for an unknown one', async () => {
    const bad = await h.call<ErrorJson>('GET', '/v1/tenant/domains/123', { as: owner(a.id) });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.fields?.[0]?.field).toBe('id');
    expect((await h.call('POST', `/v1/tenant/domains/${newId()}/verify`, { as: owner(a.id) })).status).toBe(
      404,
    );
  });
});

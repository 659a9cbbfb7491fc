import { InternalError } from '@haat/common';
import { describe, expect, it } from 'vitest';
import { platformKey, tenantKey } from './cache-key.builder.js';

const TENANT = '0199a1b2-0000-7000-8000-000000000001';

describe('tenantKey', () => {
  it('starts every key with the tenant', () => {
    expect(tenantKey(TENANT, 'product', 42)).toBe(`t:${TENANT}:product:42`);
  });

  it('builds the tenant-wide tag when given no parts', () => {
    expect(tenantKey(TENANT)).toBe(`t:${TENANT}`);
  });

  it('accepts bigint parts', () => {
    expect(tenantKey(TENANT, 'price', 1999n)).toBe(`t:${TENANT}:price:1999`);
  });

  it('rejects an empty tenant id', () => {
    expect(() => tenantKey('', 'product', '1')).toThrow(InternalError);
  });

  it('rejects an empty part', () => {
    expect(() => tenantKey(TENANT, 'product', '')).toThrow(/must not be empty/);
  });

  it('escapes a colon so one part cannot forge extra segments', () => {
    const forged = tenantKey(TENANT, 'product', '1:price');
    expect(forged).toBe(`t:${TENANT}:product:1%3Aprice`);
    expect(forged).not.toBe(tenantKey(TENANT, 'product', '1', 'price'));
  });

  it('keeps a tenant id holding a colon from reaching another tenant’s keys', () => {
    expect(tenantKey('evil:product', '1')).not.toBe(tenantKey('evil', 'product', '1'));
    expect(tenantKey('evil:product', '1')).toBe('t:evil%3Aproduct:1');
  });

  it('escapes the escape character so escaped and literal text stay distinct', () => {
    expect(tenantKey(TENANT, 'a%3Ab')).not.toBe(tenantKey(TENANT, 'a:b'));
  });
});

describe('platformKey', () => {
  it('builds a key outside every tenant', () => {
    expect(platformKey('tenant-by-host', 'shop.example.com')).toBe('p:tenant-by-host:shop.example.com');
  });

  it('cannot produce a tenant key', () => {
    expect(platformKey('t', TENANT)).not.toBe(tenantKey(TENANT));
  });
});

import { describe, expect, it } from 'vitest';
import { signInternalRequest, verifyInternalRequest } from './internal-signature.js';
import type { RequestContext } from './request-context.js';

const ctx: RequestContext = {
  tenantId: '0190a4c6-1234-7abc-8def-0123456789ab',
  userId: 'u-1',
  roles: ['customer'],
  permissions: ['order:create'],
  requestId: 'req-1',
};
const secret = 'test-secret-0123456789abcdef';

function signed(body = '{"a":1}', now = 1_000_000) {
  return {
    headers: signInternalRequest({
      method: 'POST',
      path: '/api/v1/orders?x=1',
      body,
      context: ctx,
      secret,
      now,
    }),
    body,
    now,
  };
}

describe('internal request signatures', () => {
  it('round-trips the identity', () => {
    const s = signed();
    expect(
      verifyInternalRequest({
        method: 'POST',
        path: '/api/v1/orders?x=1',
        body: s.body,
        headers: s.headers,
        secrets: [secret],
        now: s.now,
      }),
    ).toEqual({ ...ctx, traceparent: undefined });
  });

  it('refuses a changed body, path, method or identity header', () => {
    const s = signed();
    const base = {
      method: 'POST',
      path: '/api/v1/orders?x=1',
      body: s.body,
      headers: s.headers,
      secrets: [secret],
      now: s.now,
    };
    const code = (over: Partial<typeof base>) => {
      try {
        verifyInternalRequest({ ...base, ...over });
        return 'accepted';
      } catch (e) {
        return (e as { code: string }).code;
      }
    };
    expect(code({ body: '{"a":2}' })).toBe('INTERNAL_SIGNATURE_INVALID');
    expect(code({ path: '/api/v1/orders?x=2' })).toBe('INTERNAL_SIGNATURE_INVALID');
    expect(code({ method: 'PUT' })).toBe('INTERNAL_SIGNATURE_INVALID');
    expect(
      code({ headers: { ...s.headers, 'x-haat-tenant-id': '0190a4c6-1234-7abc-8def-0123456789ac' } }),
    ).toBe('INTERNAL_SIGNATURE_INVALID');
    expect(code({ headers: { ...s.headers, 'x-haat-roles': 'operator' } })).toBe(
      'INTERNAL_SIGNATURE_INVALID',
    );
    expect(code({ secrets: ['another-secret'] })).toBe('INTERNAL_SIGNATURE_INVALID');
  });

  it('refuses a replay outside the window and an unsigned request', () => {
    const s = signed();
    expect(() =>
      verifyInternalRequest({
        method: 'POST',
        path: '/api/v1/orders?x=1',
        body: s.body,
        headers: s.headers,
        secrets: [secret],
        now: s.now + 61_000,
      }),
    ).toThrow(expect.objectContaining({ code: 'INTERNAL_SIGNATURE_EXPIRED' }));
    expect(() => verifyInternalRequest({ method: 'GET', path: '/', headers: {}, secrets: [secret] })).toThrow(
      expect.objectContaining({ code: 'INTERNAL_SIGNATURE_MISSING' }),
    );
  });

  it('carries vendor ids and the session, signed', () => {
    const withVendor = {
      ...ctx,
      vendorIds: ['0190a4c6-1234-7abc-8def-0123456789ad'],
      sessionId: '0190a4c6-1234-7abc-8def-0123456789ae',
    };
    const headers = signInternalRequest({
      method: 'GET',
      path: '/v1/x',
      context: withVendor,
      secret,
      now: 5,
    });
    const back = verifyInternalRequest({ method: 'GET', path: '/v1/x', headers, secrets: [secret], now: 5 });
    expect(back.vendorIds).toEqual(withVendor.vendorIds);
    expect(back.sessionId).toBe(withVendor.sessionId);
    const forged = { ...headers, 'x-haat-vendor-ids': '0190a4c6-1234-7abc-8def-0123456789af' };
    expect(() =>
      verifyInternalRequest({ method: 'GET', path: '/v1/x', headers: forged, secrets: [secret], now: 5 }),
    ).toThrow(expect.objectContaining({ code: 'INTERNAL_SIGNATURE_INVALID' }));
  });

  it('accepts an older secret during rotation', () => {
    const s = signed();
    expect(
      verifyInternalRequest({
        method: 'POST',
        path: '/api/v1/orders?x=1',
        body: s.body,
        headers: s.headers,
        secrets: ['new-secret', secret],
        now: s.now,
      }).tenantId,
    ).toBe(ctx.tenantId);
  });
});

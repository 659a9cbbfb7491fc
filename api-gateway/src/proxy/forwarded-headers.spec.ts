import { describe, expect, it } from 'vitest';
import { clientResponseHeaders, upstreamRequestHeaders } from './forwarded-headers.js';

const forwarded = { clientIp: '203.0.113.7', protocol: 'https', host: 'demo.localhost' };
const noCookies = { cookies: false };
const withCookies = { cookies: true };

describe('upstreamRequestHeaders', () => {
  it('drops identity, internal and hop-by-hop headers, whatever their case', () => {
    const out = upstreamRequestHeaders(
      {
        accept: 'application/json',
        'x-tenant-id': 'forged',
        'x-user-id': 'forged',
        'x-haat-tenant-id': 'forged',
        'x-haat-vendor-ids': 'forged',
        'x-haat-session-id': 'forged',
        'x-haat-signature': 'v1=forged',
        'x-haat-anything': 'forged',
        authorization: 'Bearer secret',
        connection: 'keep-alive, x-drop-me',
        'x-drop-me': '1',
        'transfer-encoding': 'chunked',
        'x-request-id': 'client-chosen',
        'x-forwarded-for': '10.0.0.1',
        'accept-language': 'bn, en',
      },
      forwarded,
      noCookies,
    );
    expect(out).toEqual({
      accept: 'application/json',
      'accept-language': 'bn, en',
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'demo.localhost',
    });
  });

  it('forwards the Cookie header only on routes that take cookies', () => {
    const headers = { cookie: 'haat_rt=abc; theme=dark' };
    expect(upstreamRequestHeaders(headers, forwarded, noCookies).cookie).toBeUndefined();
    expect(upstreamRequestHeaders(headers, forwarded, withCookies).cookie).toBe('haat_rt=abc; theme=dark');
  });
});

describe('clientResponseHeaders', () => {
  it('keeps content headers and cookies, drops hop-by-hop ones', () => {
    expect(
      clientResponseHeaders(
        {
          'Content-Type': 'application/json',
          'set-cookie': ['a=1', 'b=2'],
          connection: 'close',
          'transfer-encoding': 'chunked',
          'content-length': '10',
          etag: '"x"',
        },
        withCookies,
      ),
    ).toEqual({ 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'], etag: '"x"' });
  });

  it('drops Set-Cookie on routes that take no cookies', () => {
    expect(
      clientResponseHeaders({ 'content-type': 'application/json', 'Set-Cookie': 'a=1' }, noCookies),
    ).toEqual({ 'content-type': 'application/json' });
  });
});

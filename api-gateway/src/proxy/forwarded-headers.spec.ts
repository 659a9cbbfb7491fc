import { describe, expect, it } from 'vitest';
import { clientResponseHeaders, upstreamRequestHeaders } from './forwarded-headers.js';

const forwarded = { clientIp: '203.0.113.7', protocol: 'https', host: 'demo.localhost' };

describe('upstreamRequestHeaders', () => {
  it('drops identity, internal and hop-by-hop headers, whatever their case', () => {
    const out = upstreamRequestHeaders(
      {
        accept: 'application/json',
        'x-tenant-id': 'forged',
        'x-user-id': 'forged',
        'x-haat-tenant-id': 'forged',
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
    );
    expect(out).toEqual({
      accept: 'application/json',
      'accept-language': 'bn, en',
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'demo.localhost',
    });
  });
});

describe('clientResponseHeaders', () => {
  it('keeps content headers and cookies, drops hop-by-hop ones', () => {
    expect(
      clientResponseHeaders({
        'Content-Type': 'application/json',
        'set-cookie': ['a=1', 'b=2'],
        connection: 'close',
        'transfer-encoding': 'chunked',
        'content-length': '10',
        etag: '"x"',
      }),
    ).toEqual({ 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'], etag: '"x"' });
  });
});

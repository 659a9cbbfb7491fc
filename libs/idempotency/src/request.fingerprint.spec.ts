import { describe, expect, it } from 'vitest';
import { fingerprintRequest } from './request.fingerprint.js';

describe('fingerprintRequest', () => {
  const base = fingerprintRequest('POST', '/orders?x=1', '{"a":1}');

  it('is the same for the same method, path and body bytes', () => {
    expect(fingerprintRequest('post', '/orders?x=1', Buffer.from('{"a":1}'))).toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when the method, path, query or body differs', () => {
    expect(fingerprintRequest('PUT', '/orders?x=1', '{"a":1}')).not.toBe(base);
    expect(fingerprintRequest('POST', '/orders', '{"a":1}')).not.toBe(base);
    expect(fingerprintRequest('POST', '/orders?x=2', '{"a":1}')).not.toBe(base);
    expect(fingerprintRequest('POST', '/orders?x=1', '{"a":2}')).not.toBe(base);
  });
});

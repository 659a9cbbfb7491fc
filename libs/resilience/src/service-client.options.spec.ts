import { InternalError } from '@haat/common';
import { describe, expect, it } from 'vitest';
import { type ServiceClientOptions, parseServiceClientOptions } from './service-client.options.js';

const valid: ServiceClientOptions = {
  name: 'catalog-service',
  baseUrl: 'http://127.0.0.1:3001',
  timeoutMs: 2_000,
  retries: 2,
  breaker: { halfOpenAfterMs: 10_000, consecutiveFailures: 5 },
};

describe('service client options', () => {
  it('accepts a consecutive or a sampling breaker', () => {
    expect(parseServiceClientOptions(valid)).toEqual(valid);
    const sampling = {
      ...valid,
      breaker: { halfOpenAfterMs: 10_000, sampling: { threshold: 0.2, durationMs: 30_000 } },
    };
    expect(parseServiceClientOptions(sampling)).toEqual(sampling);
  });

  it('keeps the signer function', () => {
    const sign = () => ({ 'x-haat-signature': 'v1=00' });
    expect(parseServiceClientOptions({ ...valid, sign }).sign).toBe(sign);
  });

  it('names the bad field', () => {
    const error = (() => {
      try {
        return parseServiceClientOptions({ ...valid, timeoutMs: 0 });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InternalError);
    expect(error).toMatchObject({
      code: 'UPSTREAM_CLIENT_OPTIONS_INVALID',
      details: { fields: [{ field: 'timeoutMs' }] },
    });
  });

  it('refuses a base URL that is not http(s)', () => {
    expect(() => parseServiceClientOptions({ ...valid, baseUrl: 'ftp://x' })).toThrow(/baseUrl/);
  });
});

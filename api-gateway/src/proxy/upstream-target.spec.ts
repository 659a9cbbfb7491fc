import { describe, expect, it } from 'vitest';
import type { GatewayRoute } from '../routing/route.schema.js';
import { upstreamTarget } from './upstream-target.js';

const route: GatewayRoute = {
  prefix: '/api/v1/tenant',
  service: 'tenant-service',
  upstreamPath: '/v1/tenant',
  scope: 'tenant',
};

describe('upstreamTarget', () => {
  it('swaps the public prefix for the service path and keeps the rest byte for byte', () => {
    expect(upstreamTarget(route, '/api/v1/tenant')).toBe('/v1/tenant');
    expect(upstreamTarget(route, '/api/v1/tenant?x=1&y=%20')).toBe('/v1/tenant?x=1&y=%20');
    expect(upstreamTarget(route, '/api/v1/tenant/domains/shop.example.com')).toBe(
      '/v1/tenant/domains/shop.example.com',
    );
  });

  it('refuses paths that could step out of the prefix', () => {
    for (const url of [
      '/api/v1/tenant/../platform',
      '/api/v1/tenant/./x',
      '/api/v1/tenant/%2e%2e/platform',
      '/api/v1/tenant/a%2Fb',
      '/api/v1/tenant/..',
    ]) {
      expect(() => upstreamTarget(route, url), url).toThrow(
        expect.objectContaining({ code: 'PATH_INVALID' }),
      );
    }
  });

  it('does not mistake dots in the query string for a path', () => {
    expect(upstreamTarget(route, '/api/v1/tenant?next=../x')).toBe('/v1/tenant?next=../x');
  });
});

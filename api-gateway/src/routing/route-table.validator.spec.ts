import { describe, expect, it } from 'vitest';
import { validateRoutes } from './route-table.validator.js';
import { ROUTES } from './routes.js';

describe('validateRoutes', () => {
  it('accepts the production table', () => {
    expect(validateRoutes(ROUTES)).toHaveLength(ROUTES.length);
  });

  it('refuses a route onto a service’s internal API', () => {
    for (const upstreamPath of ['/internal', '/internal/v1/auth']) {
      expect(() =>
        validateRoutes([
          { prefix: '/api/v1/sneaky', service: 'auth-service', upstreamPath, scope: 'platform' },
        ]),
      ).toThrow(expect.objectContaining({ code: 'GATEWAY_ROUTES_INVALID' }));
    }
  });

  it('refuses nested prefixes', () => {
    expect(() =>
      validateRoutes([
        ...ROUTES,
        { prefix: '/api/v1/auth/admin', service: 'auth-service', upstreamPath: '/v1/x', scope: 'tenant' },
      ]),
    ).toThrow(expect.objectContaining({ code: 'GATEWAY_ROUTES_INVALID' }));
  });
});

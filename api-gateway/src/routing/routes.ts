import type { GatewayRoute } from './route.schema.js';

/**
 * The public API: every prefix under `/api/v1` and the service path it maps to. A service's
 * routes are one entry each; everything else (identity, limits, breaker, docs) follows.
 */
export const ROUTES: readonly GatewayRoute[] = [
  { prefix: '/api/v1/platform', service: 'tenant-service', upstreamPath: '/v1/platform', scope: 'platform' },
  { prefix: '/api/v1/tenant', service: 'tenant-service', upstreamPath: '/v1/tenant', scope: 'tenant' },
  { prefix: '/api/v1/limits', service: 'tenant-service', upstreamPath: '/v1/limits', scope: 'tenant' },
];

import type { GatewayRoute } from './route.schema.js';

/**
 * The public API: every prefix under `/api/v1` and the service path it maps to. A service's
 * routes are one entry each; everything else (identity, limits, breaker, docs) follows.
 */
export const ROUTES: readonly GatewayRoute[] = [
  { prefix: '/api/v1/platform', service: 'tenant-service', upstreamPath: '/v1/platform', scope: 'platform' },
  { prefix: '/api/v1/tenant', service: 'tenant-service', upstreamPath: '/v1/tenant', scope: 'tenant' },
  { prefix: '/api/v1/limits', service: 'tenant-service', upstreamPath: '/v1/limits', scope: 'tenant' },
  {
    prefix: '/api/v1/auth',
    service: 'auth-service',
    upstreamPath: '/v1/auth',
    scope: 'tenant',
    cookies: true,
  },
  {
    prefix: '/api/v1/operator-auth',
    service: 'auth-service',
    upstreamPath: '/v1/operator-auth',
    scope: 'platform',
    cookies: true,
  },
  {
    prefix: '/api/v1/notifications',
    service: 'notification-service',
    upstreamPath: '/v1/notifications',
    scope: 'tenant',
  },
  {
    prefix: '/api/v1/mailbox',
    service: 'notification-service',
    upstreamPath: '/v1/mailbox',
    scope: 'tenant-or-platform',
  },
  { prefix: '/api/v1/vendors', service: 'vendor-service', upstreamPath: '/v1/vendors', scope: 'tenant' },
  {
    prefix: '/api/v1/commissions',
    service: 'vendor-service',
    upstreamPath: '/v1/commissions',
    scope: 'tenant',
  },
  { prefix: '/api/v1/stores', service: 'vendor-service', upstreamPath: '/v1/stores', scope: 'tenant' },
  { prefix: '/api/v1/products', service: 'product-service', upstreamPath: '/v1/products', scope: 'tenant' },
  {
    prefix: '/api/v1/categories',
    service: 'product-service',
    upstreamPath: '/v1/categories',
    scope: 'tenant',
  },
  { prefix: '/api/v1/brands', service: 'product-service', upstreamPath: '/v1/brands', scope: 'tenant' },
  { prefix: '/api/v1/catalog', service: 'product-service', upstreamPath: '/v1/catalog', scope: 'tenant' },
  {
    prefix: '/api/v1/warehouses',
    service: 'inventory-service',
    upstreamPath: '/v1/warehouses',
    scope: 'tenant',
  },
  { prefix: '/api/v1/stock', service: 'inventory-service', upstreamPath: '/v1/stock', scope: 'tenant' },
  { prefix: '/api/v1/skus', service: 'inventory-service', upstreamPath: '/v1/skus', scope: 'tenant' },
  {
    prefix: '/api/v1/reservations',
    service: 'inventory-service',
    upstreamPath: '/v1/reservations',
    scope: 'tenant',
  },
  { prefix: '/api/v1/payments', service: 'payment-service', upstreamPath: '/v1/payments', scope: 'tenant' },
  { prefix: '/api/v1/shipping', service: 'shipping-service', upstreamPath: '/v1/shipping', scope: 'tenant' },
  {
    prefix: '/api/v1/shipments',
    service: 'shipping-service',
    upstreamPath: '/v1/shipments',
    scope: 'tenant',
  },
  { prefix: '/api/v1/media', service: 'media-service', upstreamPath: '/v1/media', scope: 'tenant' },
];

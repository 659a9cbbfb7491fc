import { describe, expect, it } from 'vitest';
import type { GatewayRoute } from '../routing/route.schema.js';
import { mergeOpenApi } from './openapi-merge.js';

const routes: GatewayRoute[] = [
  { prefix: '/api/v1/platform', service: 'tenant-service', upstreamPath: '/v1/platform', scope: 'platform' },
  { prefix: '/api/v1/products', service: 'catalog-service', upstreamPath: '/v1/products', scope: 'tenant' },
];

const errorRef = { $ref: '#/components/schemas/ErrorBody' };
const doc = (path: string, schema: string) => ({
  openapi: '3.1.0',
  paths: {
    [path]: {
      get: {
        operationId: 'list',
        security: [{ internal: [] }],
        responses: {
          200: { content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } },
          404: { content: { 'application/json': { schema: errorRef } } },
        },
      },
    },
    '/internal/v1/secret': { get: { responses: {} } },
  },
  components: {
    schemas: { ErrorBody: { type: 'object' }, [schema]: { type: 'object', properties: { e: errorRef } } },
    securitySchemes: { internal: { type: 'apiKey' } },
  },
});

describe('mergeOpenApi', () => {
  const merged = mergeOpenApi(
    [
      { service: 'tenant-service', document: doc('/v1/platform/tenants', 'Tenant') },
      { service: 'catalog-service', document: doc('/v1/products/{id}', 'Product') },
    ],
    routes,
    { paths: {}, schemas: {}, sources: { 'tenant-service': 'ok', 'catalog-service': 'ok' } },
  ) as {
    paths: Record<
      string,
      Record<
        string,
        {
          operationId: string;
          security?: unknown;
          responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }>;
        }
      >
    >;
    components: {
      schemas: Record<string, { properties?: { e: { $ref: string } } }>;
      securitySchemes: Record<string, unknown>;
    };
  };

  it('serves each service path at its public path and leaves unrouted paths out', () => {
    expect(Object.keys(merged.paths)).toEqual(['/api/v1/platform/tenants', '/api/v1/products/{id}']);
  });

  it('prefixes components per service so equal names never clash, references included', () => {
    expect(Object.keys(merged.components.schemas).sort()).toEqual([
      'CatalogService_ErrorBody',
      'CatalogService_Product',
      'TenantService_ErrorBody',
      'TenantService_Tenant',
    ]);
    const op = merged.paths['/api/v1/products/{id}']!.get!;
    expect(op.operationId).toBe('CatalogService_list');
    expect(op.responses['404']!.content['application/json']!.schema.$ref).toBe(
      '#/components/schemas/CatalogService_ErrorBody',
    );
    expect(merged.components.schemas.TenantService_Tenant!.properties!.e.$ref).toBe(
      '#/components/schemas/TenantService_ErrorBody',
    );
  });

  it('describes the gateway’s authentication instead of the services’ internal schemes', () => {
    expect(merged.paths['/api/v1/platform/tenants']!.get!.security).toBeUndefined();
    expect(Object.keys(merged.components.securitySchemes)).toEqual(['bearerAuth']);
  });
});

import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { errors, json } from '../../infrastructure/http/openapi-responses.js';
import { CreateTenantSchema } from './dto/create-tenant.dto.js';
import { ListTenantsQuerySchema } from './dto/list-tenants.query.js';
import { SuspendTenantSchema } from './dto/suspend-tenant.dto.js';
import { TenantIdParamsSchema, TenantPageSchema, TenantSchema } from './dto/tenant.dto.js';
import { StorefrontProfileSchema } from './dto/storefront-profile.dto.js';
import { UpdateTenantSchema } from './dto/update-tenant.dto.js';

const tags = ['tenants (operator)'];

export function registerTenantsOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/v1/tenant',
    tags: ['tenant'],
    summary: "The calling host's shop profile (name, currency, languages), open to every visitor",
    responses: { 200: json('The shop profile', StorefrontProfileSchema), ...errors(401, 403, 404) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/platform/tenants',
    tags,
    summary: 'Create a tenant with its platform subdomain (`tenant:manage`)',
    request: { body: { content: { 'application/json': { schema: CreateTenantSchema } } } },
    responses: { 201: json('The tenant', TenantSchema), ...errors(400, 401, 403, 409) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/platform/tenants',
    tags,
    summary: 'List tenants, newest first, optionally by status',
    request: { query: ListTenantsQuerySchema },
    responses: { 200: json('A page of tenants', TenantPageSchema), ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/platform/tenants/{id}',
    tags,
    summary: 'Get a tenant',
    request: { params: TenantIdParamsSchema },
    responses: { 200: json('The tenant', TenantSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/v1/platform/tenants/{id}',
    tags,
    summary: 'Change name, default currency, languages or plan',
    request: {
      params: TenantIdParamsSchema,
      body: { content: { 'application/json': { schema: UpdateTenantSchema } } },
    },
    responses: { 200: json('The tenant', TenantSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/platform/tenants/{id}/suspend',
    tags,
    summary: 'Suspend an active tenant (the gateway then answers 403 TENANT_SUSPENDED)',
    request: {
      params: TenantIdParamsSchema,
      body: { content: { 'application/json': { schema: SuspendTenantSchema } } },
    },
    responses: { 200: json('The tenant', TenantSchema), ...errors(400, 401, 403, 404, 409) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/platform/tenants/{id}/reinstate',
    tags,
    summary: 'Reinstate a suspended tenant',
    request: { params: TenantIdParamsSchema },
    responses: { 200: json('The tenant', TenantSchema), ...errors(400, 401, 403, 404, 409) },
  });
}

import { ResolvedTenantSchema } from '@haat/contracts';
import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { errors, json } from '../../infrastructure/http/openapi-responses.js';
import { ResolveHostStrictQuerySchema } from './dto/resolve-host.query.js';

export function registerResolutionOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/internal/v1/tenants/resolve',
    tags: ['internal'],
    summary:
      'The tenant behind a host (verified custom domain or `<slug>.<base domain>`); suspended tenants are returned with their status',
    request: { query: ResolveHostStrictQuerySchema },
    responses: {
      200: json('The tenant', ResolvedTenantSchema),
      ...errors(400, 401, 404),
    },
  });
}

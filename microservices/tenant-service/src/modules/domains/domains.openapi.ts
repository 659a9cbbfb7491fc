import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { errorResponse, errors, json } from '../../infrastructure/http/openapi-responses.js';
import { AddDomainSchema } from './dto/add-domain.dto.js';
import { DomainIdParamsSchema, DomainPageSchema, DomainSchema } from './dto/domain.dto.js';
import { ListDomainsQuerySchema } from './dto/list-domains.query.js';

const tags = ['domains'];

export function registerDomainsOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/v1/tenant/domains',
    tags,
    summary: 'The calling tenant’s domains, platform subdomain first (`domain:read`)',
    request: { query: ListDomainsQuerySchema },
    responses: { 200: json('A page of domains', DomainPageSchema), ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/tenant/domains',
    tags,
    summary: 'Claim a custom domain; publish its TXT record, then verify (`domain:create`)',
    request: { body: { content: { 'application/json': { schema: AddDomainSchema } } } },
    responses: { 201: json('The unverified domain', DomainSchema), ...errors(400, 401, 403, 404, 409) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/tenant/domains/{id}',
    tags,
    summary: 'One of the calling tenant’s domains',
    request: { params: DomainIdParamsSchema },
    responses: { 200: json('The domain', DomainSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/tenant/domains/{id}/verify',
    tags,
    summary: 'Look up `_haat-verify.<hostname>` TXT `haat-verify=<token>` and verify (`domain:verify`)',
    request: { params: DomainIdParamsSchema },
    responses: {
      200: json('The verified domain', DomainSchema),
      ...errors(400, 401, 403, 404),
      422: errorResponse('DOMAIN_VERIFICATION_FAILED: the record is missing or carries another value'),
      503: errorResponse('DOMAIN_DNS_UNAVAILABLE: DNS did not answer; retry later'),
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/v1/tenant/domains/{id}',
    tags,
    summary: 'Remove a custom domain; the platform subdomain cannot be removed (409)',
    request: { params: DomainIdParamsSchema },
    responses: { 204: { description: 'Removed' }, ...errors(400, 401, 403, 404, 409) },
  });
}

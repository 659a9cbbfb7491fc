import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { errors, json } from '../../infrastructure/http/openapi-responses.js';
import {
  FeaturePageSchema,
  FeatureParamsSchema,
  FeatureSchema,
  ListFeaturesQuerySchema,
  SetFeatureSchema,
} from './dto/feature.dto.js';

const tags = ['feature toggles'];

export function registerFeaturesOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/v1/tenant/features',
    tags,
    summary: 'The calling tenant’s toggles (`feature-flag:read`)',
    request: { query: ListFeaturesQuerySchema },
    responses: { 200: json('A page of toggles', FeaturePageSchema), ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/tenant/features/{feature}',
    tags,
    summary: 'One toggle; a feature never set is off with `updatedAt` null',
    request: { params: FeatureParamsSchema },
    responses: { 200: json('The toggle', FeatureSchema), ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'put',
    path: '/v1/tenant/features/{feature}',
    tags,
    summary: 'Turn a feature on or off (`tenant:update`)',
    request: {
      params: FeatureParamsSchema,
      body: { content: { 'application/json': { schema: SetFeatureSchema } } },
    },
    responses: { 200: json('The toggle', FeatureSchema), ...errors(400, 401, 403, 404) },
  });
}

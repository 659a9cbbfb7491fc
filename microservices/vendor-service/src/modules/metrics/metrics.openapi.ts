import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { errors, json } from '../../infrastructure/http/openapi-responses.js';
import { VendorIdParamsSchema } from '../vendors/dto/vendor.dto.js';
import { MetricsQuerySchema, VendorMetricsSchema } from './dto/metrics.dto.js';

export function registerMetricsOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/v1/vendors/{id}/metrics',
    tags: ['metrics'],
    summary: 'Sales and seller performance of a period, with the performance tier (`vendor:read`)',
    request: { params: VendorIdParamsSchema, query: MetricsQuerySchema },
    responses: { 200: json('The metrics', VendorMetricsSchema), ...errors(400, 401, 403, 404) },
  });
}

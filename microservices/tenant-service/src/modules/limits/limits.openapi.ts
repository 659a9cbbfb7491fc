import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { errors, json } from '../../infrastructure/http/openapi-responses.js';
import { CheckLimitSchema, LimitDecisionSchema } from './dto/check-limit.dto.js';

export function registerLimitsOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/v1/limits/check',
    tags: ['plan limits'],
    summary:
      'May the signed tenant have `adding` more of `resource`? Always 200; callers refuse on `allowed: false`',
    request: { body: { content: { 'application/json': { schema: CheckLimitSchema } } } },
    responses: {
      200: json('The decision; `limit` and `remaining` are null when unlimited', LimitDecisionSchema),
      ...errors(400, 401, 403, 404),
    },
  });
}

import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { errors, json } from '../../infrastructure/http/openapi-responses.js';
import { PutRuleSchema, RuleListSchema, RulePathSchema, RuleSchema } from './dto/rule.dto.js';

const tags = ['notification rules'];

export function registerRulesOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/v1/notifications/rules',
    tags,
    summary:
      'Event type → template → channels, the tenant’s over the defaults (`notification-template:read`)',
    responses: { 200: json('Every rule', RuleListSchema), ...errors(401, 403) },
  });
  registry.registerPath({
    method: 'put',
    path: '/v1/notifications/rules/{eventType}',
    tags,
    summary:
      'Choose the template and channels of an event, or switch it off (`notification-template:update`)',
    request: { params: RulePathSchema, body: { content: { 'application/json': { schema: PutRuleSchema } } } },
    responses: { 200: json('The rule now used', RuleSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/v1/notifications/rules/{eventType}',
    tags,
    summary: 'Go back to the default rule',
    request: { params: RulePathSchema },
    responses: { 204: { description: 'Reset' }, ...errors(400, 401, 403, 404) },
  });
}

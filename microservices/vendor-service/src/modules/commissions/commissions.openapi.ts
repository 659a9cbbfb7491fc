import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { errors, json, jsonBody } from '../../infrastructure/http/openapi-responses.js';
import {
  CommissionRuleIdParamsSchema,
  CommissionRulePageSchema,
  CommissionRuleSchema,
  CreateCommissionRuleSchema,
  EndCommissionRuleSchema,
  ListCommissionRulesQuerySchema,
} from './dto/commission-rule.dto.js';
import { ResolveCommissionResultSchema, ResolveCommissionSchema } from './dto/resolve-commission.dto.js';

const tags = ['commissions'];

export function registerCommissionsOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/v1/commissions/rules',
    tags,
    summary: 'Create a rule at one level: vendor > category > tier > default (`commission-rule:create`)',
    request: { body: jsonBody(CreateCommissionRuleSchema) },
    responses: { 201: json('The rule', CommissionRuleSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/commissions/rules',
    tags,
    summary: 'Rules, newest first, by level, target or effective instant (`commission-rule:read`)',
    request: { query: ListCommissionRulesQuerySchema },
    responses: { 200: json('A page of rules', CommissionRulePageSchema), ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/commissions/rules/{id}',
    tags,
    summary: 'A rule (`commission-rule:read`)',
    request: { params: CommissionRuleIdParamsSchema },
    responses: { 200: json('The rule', CommissionRuleSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/v1/commissions/rules/{id}',
    tags,
    summary: 'End a rule at an instant (rules are never edited) (`commission-rule:update`)',
    request: { params: CommissionRuleIdParamsSchema, body: jsonBody(EndCommissionRuleSchema) },
    responses: { 200: json('The rule', CommissionRuleSchema), ...errors(400, 401, 403, 404, 409) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/commissions/resolve',
    tags,
    summary:
      'Which commission applies to each order line, and why: rule, level, amount in minor units (`commission-rule:read`; also gRPC haat.vendor.v1.Commissions/Resolve)',
    request: { body: jsonBody(ResolveCommissionSchema) },
    responses: {
      200: json('Each line resolved', ResolveCommissionResultSchema),
      ...errors(400, 401, 403, 404),
    },
  });
}

import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { errors, json } from '../../infrastructure/http/openapi-responses.js';
import { CreatePlanSchema } from './dto/create-plan.dto.js';
import { ListPlansQuerySchema } from './dto/list-plans.query.js';
import { PlanCodeParamsSchema, PlanPageSchema, PlanSchema } from './dto/plan.dto.js';
import { UpdatePlanSchema } from './dto/update-plan.dto.js';

const tags = ['plans (operator)'];

export function registerPlansOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/v1/platform/plans',
    tags,
    summary: 'Create a plan (`plan:manage`)',
    request: { body: { content: { 'application/json': { schema: CreatePlanSchema } } } },
    responses: { 201: json('The plan', PlanSchema), ...errors(400, 401, 403, 409) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/platform/plans',
    tags,
    summary: 'List plans by code',
    request: { query: ListPlansQuerySchema },
    responses: { 200: json('A page of plans', PlanPageSchema), ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/platform/plans/{code}',
    tags,
    summary: 'Get a plan',
    request: { params: PlanCodeParamsSchema },
    responses: { 200: json('The plan', PlanSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/v1/platform/plans/{code}',
    tags,
    summary: 'Change a plan’s name, limits or rate limit',
    request: {
      params: PlanCodeParamsSchema,
      body: { content: { 'application/json': { schema: UpdatePlanSchema } } },
    },
    responses: { 200: json('The plan', PlanSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/v1/platform/plans/{code}',
    tags,
    summary: 'Delete a plan no tenant is on',
    request: { params: PlanCodeParamsSchema },
    responses: { 204: { description: 'Deleted' }, ...errors(400, 401, 403, 404, 409) },
  });
}

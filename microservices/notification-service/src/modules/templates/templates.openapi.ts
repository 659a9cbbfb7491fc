import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { PageQuerySchema } from '@haat/common';
import { errorResponse, errors, json } from '../../infrastructure/http/openapi-responses.js';
import { PreviewTemplateSchema, RenderedTemplateSchema } from './dto/preview-template.dto.js';
import { PutTemplateSchema } from './dto/put-template.dto.js';
import {
  EffectiveTemplateSchema,
  TemplatePathSchema,
  TemplateSummaryPageSchema,
} from './dto/template.dto.js';

const tags = ['notification templates'];
const path = '/v1/notifications/templates/{key}/{channel}/{locale}';

export function registerTemplatesOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/v1/notifications/templates',
    tags,
    summary:
      'The shipped templates with their variables and the tenant’s overrides (`notification-template:read`)',
    request: { query: PageQuerySchema },
    responses: { 200: json('A page of templates', TemplateSummaryPageSchema), ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'get',
    path,
    tags,
    summary: 'The wording the tenant’s messages use (Liquid sources)',
    request: { params: TemplatePathSchema },
    responses: { 200: json('The template', EffectiveTemplateSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'put',
    path,
    tags,
    summary:
      'Reword a template for the tenant; 400 names the part that does not parse (`notification-template:update`)',
    request: {
      params: TemplatePathSchema,
      body: { content: { 'application/json': { schema: PutTemplateSchema } } },
    },
    responses: { 200: json('The template now used', EffectiveTemplateSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'delete',
    path,
    tags,
    summary: 'Go back to the shipped wording',
    request: { params: TemplatePathSchema },
    responses: { 204: { description: 'Reset' }, ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'post',
    path: `${path}/preview`,
    tags,
    summary: 'Render the template with sample data',
    request: {
      params: TemplatePathSchema,
      body: { content: { 'application/json': { schema: PreviewTemplateSchema } } },
    },
    responses: {
      200: json('The rendered message', RenderedTemplateSchema),
      ...errors(400, 401, 403, 404),
      422: errorResponse('NOTIFICATION_TEMPLATE_RENDER_FAILED: the template does not render with this data'),
    },
  });
}

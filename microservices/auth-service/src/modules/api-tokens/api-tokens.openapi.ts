import { IntrospectApiTokenRequestSchema, IntrospectApiTokenResponseSchema } from '@haat/contracts';
import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { z } from 'zod';
import { body, errors, json } from '../../infrastructure/http/openapi-responses.js';
import {
  ApiTokenIdParamsSchema,
  ApiTokenSchema,
  CreateApiTokenSchema,
  CreatedApiTokenSchema,
} from './dto/api-tokens.dto.js';

const tags = ['api tokens'];

export function registerApiTokensOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/v1/auth/api-tokens',
    tags,
    summary: 'Create an API token with permissions you hold; the token is shown once (`api-token:create`)',
    request: body(CreateApiTokenSchema),
    responses: { 201: json('The token', CreatedApiTokenSchema), ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/auth/api-tokens',
    tags,
    summary: 'Your API tokens (`api-token:read`)',
    responses: {
      200: json(
        'A page of tokens',
        z.object({ items: z.array(ApiTokenSchema), nextCursor: z.string().nullable() }),
      ),
      ...errors(400, 401, 403),
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/v1/auth/api-tokens/{id}',
    tags,
    summary: 'Revoke one of your API tokens (`api-token:delete`)',
    request: { params: ApiTokenIdParamsSchema },
    responses: { 204: { description: 'Revoked' }, ...errors(401, 403, 404) },
  });
  registry.registerPath({
    method: 'post',
    path: '/internal/v1/auth/api-tokens/introspect',
    tags: ['internal'],
    summary: 'Gateway only: what an API token may do (`auth-internal:introspect`)',
    request: body(IntrospectApiTokenRequestSchema),
    responses: { 200: json('Active or not', IntrospectApiTokenResponseSchema), ...errors(400, 401, 403) },
  });
}

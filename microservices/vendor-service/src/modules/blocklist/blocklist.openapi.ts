import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { errors, json, jsonBody } from '../../infrastructure/http/openapi-responses.js';
import {
  AddBlocklistEntrySchema,
  BlocklistEntrySchema,
  BlocklistIdParamsSchema,
  BlocklistPageSchema,
  ListBlocklistQuerySchema,
} from './dto/blocklist.dto.js';

const tags = ['blocklist'];

export function registerBlocklistOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/v1/vendors/blocklist',
    tags,
    summary: 'Block an NID, TIN, BIN, phone or bank account from onboarding (`vendor:manage`); stored hashed',
    request: { body: jsonBody(AddBlocklistEntrySchema) },
    responses: { 201: json('The entry, value masked', BlocklistEntrySchema), ...errors(400, 401, 403, 409) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/vendors/blocklist',
    tags,
    summary: 'The blocklist, newest first (`vendor:manage`)',
    request: { query: ListBlocklistQuerySchema },
    responses: { 200: json('A page of entries', BlocklistPageSchema), ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/v1/vendors/blocklist/{id}',
    tags,
    summary: 'Remove an entry (`vendor:manage`)',
    request: { params: BlocklistIdParamsSchema },
    responses: { 204: { description: 'Removed' }, ...errors(400, 401, 403, 404) },
  });
}

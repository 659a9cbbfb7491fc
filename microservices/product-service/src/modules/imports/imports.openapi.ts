import { pageSchema } from '@haat/common';
import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { z } from 'zod';
import { errors, json } from '../../infrastructure/http/openapi-responses.js';
import {
  CreatedImportSchema,
  CreateImportSchema,
  ImportErrorsQuerySchema,
  ImportViewSchema,
  RowErrorSchema,
  UploadQuerySchema,
} from './dto/import.dto.js';

const idParams = z.object({ id: z.string().uuid() });

export function registerImportsOpenApi(registry: OpenAPIRegistry): void {
  const tags = ['product import/export'];
  registry.registerPath({
    method: 'post',
    path: '/v1/products/imports',
    tags,
    summary: 'Start a CSV import: answers with a signed, expiring URL to PUT the file to',
    request: { body: { content: { 'application/json': { schema: CreateImportSchema } } } },
    responses: { 201: json('The import, awaiting its file', CreatedImportSchema), ...errors(400, 403) },
  });
  registry.registerPath({
    method: 'put',
    path: '/v1/products/imports/{id}/file',
    tags,
    summary:
      'Upload the CSV (text/csv, streamed to disk; one row per variant, upsert by SKU). The signed URL is the credential. 413 over the size limit, 415 for another content type',
    request: {
      params: idParams,
      query: UploadQuerySchema,
      body: { content: { 'text/csv': { schema: z.string() } } },
    },
    responses: {
      202: json('Queued; follow progress at GET /v1/products/imports/{id}', ImportViewSchema),
      ...errors(400, 401, 403, 404, 409),
      413: { description: 'The file is larger than allowed' },
      415: { description: 'Not text/csv' },
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/products/imports/{id}',
    tags,
    summary: 'Progress and tally of an import, with its first row errors (line and column)',
    request: { params: idParams },
    responses: { 200: json('The import', ImportViewSchema), ...errors(400, 403, 404) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/products/imports/{id}/errors',
    tags,
    summary: 'Every refused row of an import, in file order',
    request: { params: idParams, query: ImportErrorsQuerySchema },
    responses: { 200: json('A page of row errors', pageSchema(RowErrorSchema)), ...errors(400, 403, 404) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/products/export.csv',
    tags,
    summary: "The catalogue in the caller's vendor scope as CSV in the import layout (streamed)",
    responses: {
      200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
      ...errors(403),
    },
  });
}

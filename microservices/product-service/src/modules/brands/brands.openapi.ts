import { pageSchema } from '@haat/common';
import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { z } from 'zod';
import { errors, json } from '../../infrastructure/http/openapi-responses.js';
import { BrandViewSchema, CreateBrandSchema, ListBrandsQuerySchema } from './dto/brand.dto.js';

export function registerBrandsOpenApi(registry: OpenAPIRegistry): void {
  const tags = ['brands'];
  registry.registerPath({
    method: 'post',
    path: '/v1/brands',
    tags,
    summary: 'Create a brand; needs `category:create` (tenant staff curate the taxonomy and brands)',
    request: { body: { content: { 'application/json': { schema: CreateBrandSchema } } } },
    responses: { 201: json('The brand', BrandViewSchema), ...errors(400, 403, 409) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/brands',
    tags,
    summary: 'Brands by slug',
    request: { query: ListBrandsQuerySchema },
    responses: { 200: json('A page of brands', pageSchema(BrandViewSchema)), ...errors(400) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/brands/{id}',
    tags,
    summary: 'One brand',
    request: { params: z.object({ id: z.string().uuid() }) },
    responses: { 200: json('The brand', BrandViewSchema), ...errors(400, 404) },
  });
}

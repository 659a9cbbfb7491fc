import { pageSchema } from '@haat/common';
import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { z } from 'zod';
import { errors, json } from '../../infrastructure/http/openapi-responses.js';
import {
  AttributeDefinitionViewSchema,
  CategoryDetailSchema,
  CategoryViewSchema,
  CreateAttributeSchema,
  CreateCategorySchema,
  ListCategoriesQuerySchema,
  MoveCategorySchema,
  UpdateCategorySchema,
} from './dto/category.dto.js';

const idParams = z.object({ id: z.string().uuid() });
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });

export function registerCategoriesOpenApi(registry: OpenAPIRegistry): void {
  const tags = ['categories'];
  registry.registerPath({
    method: 'post',
    path: '/v1/categories',
    tags,
    summary: 'Create a category (slug generated from the name when not given); needs `category:create`',
    request: body(CreateCategorySchema),
    responses: {
      201: json('The category with its breadcrumbs', CategoryDetailSchema),
      ...errors(400, 403, 404, 409),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/categories',
    tags,
    summary: 'The taxonomy in depth-first order (each item has its depth and parent), optionally one subtree',
    request: { query: ListCategoriesQuerySchema },
    responses: { 200: json('A page of categories', pageSchema(CategoryViewSchema)), ...errors(400, 404) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/categories/{id}',
    tags,
    summary: 'A category with its breadcrumbs and attribute set (its own and inherited)',
    request: { params: idParams },
    responses: { 200: json('The category', CategoryDetailSchema), ...errors(400, 404) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/v1/categories/{id}',
    tags,
    summary: 'Rename, re-slug or reorder a category; needs `category:update`',
    request: { params: idParams, ...body(UpdateCategorySchema) },
    responses: { 200: json('The category', CategoryDetailSchema), ...errors(400, 403, 404, 409) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/categories/{id}/move',
    tags,
    summary: 'Move a category and its subtree under another parent (null: top level); 409 for a cycle',
    request: { params: idParams, ...body(MoveCategorySchema) },
    responses: { 200: json('The moved category', CategoryDetailSchema), ...errors(400, 403, 404, 409) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/v1/categories/{id}',
    tags,
    summary: 'Delete an empty category (no subcategories, no products); needs `category:delete`',
    request: { params: idParams },
    responses: { 204: { description: 'Deleted' }, ...errors(400, 403, 404, 409) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/categories/{id}/attributes',
    tags,
    summary: 'Define a typed attribute (text, number, boolean, enum) for the category and its subtree',
    request: { params: idParams, ...body(CreateAttributeSchema) },
    responses: { 201: json('The attribute', AttributeDefinitionViewSchema), ...errors(400, 403, 404, 409) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/v1/categories/{id}/attributes/{code}',
    tags,
    summary: 'Remove an attribute definition',
    request: { params: z.object({ id: z.string().uuid(), code: z.string() }) },
    responses: { 204: { description: 'Removed' }, ...errors(400, 403, 404) },
  });
}

import { pageSchema } from '@haat/common';
import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { z } from 'zod';
import { errors, json } from '../../infrastructure/http/openapi-responses.js';
import {
  CreateProductSchema,
  GenerateVariantsSchema,
  UpdateProductSchema,
  VariantInputSchema,
  VariantPatchSchema,
} from './dto/product-input.dto.js';
import {
  CatalogListQuerySchema,
  CatalogProductQuerySchema,
  ListProductsQuerySchema,
} from './dto/product-query.dto.js';
import { ProductViewSchema, SlugRedirectSchema, StorefrontProductSchema } from './dto/product-view.dto.js';

const idParams = z.object({ id: z.string().uuid() });
const variantParams = z.object({ id: z.string().uuid(), variantId: z.string().uuid() });
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });
const product = json('The product', ProductViewSchema);

export function registerProductsOpenApi(registry: OpenAPIRegistry): void {
  const tags = ['products'];
  registry.registerPath({
    method: 'post',
    path: '/v1/products',
    tags,
    summary:
      'Create a product with its variants (explicit, or `generateVariants` for the whole option matrix); needs `product:create`; 409 `PRODUCT_LIMIT_REACHED` past the plan limit',
    request: body(CreateProductSchema),
    responses: { 201: product, ...errors(400, 403, 409) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/products',
    tags,
    summary: "Products in the caller's vendor scope, newest first; needs `product:read`",
    request: { query: ListProductsQuerySchema },
    responses: { 200: json('A page of products', pageSchema(ProductViewSchema)), ...errors(400, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/products/{id}',
    tags,
    summary: 'One product with variants (cost included)',
    request: { params: idParams },
    responses: { 200: product, ...errors(400, 403, 404) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/v1/products/{id}',
    tags,
    summary:
      'Change a product (a new slug keeps the old one redirecting); `version` for optimistic concurrency',
    request: { params: idParams, ...body(UpdateProductSchema) },
    responses: { 200: product, ...errors(400, 403, 404, 409) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/products/{id}/archive',
    tags,
    summary: 'Archive a product (off the storefront; emits product.archived.v1)',
    request: { params: idParams },
    responses: { 200: product, ...errors(403, 404) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/v1/products/{id}',
    tags,
    summary: 'Delete a draft for good (409 `PRODUCT_NOT_DRAFT` otherwise); needs `product:delete`',
    request: { params: idParams },
    responses: { 204: { description: 'Deleted' }, ...errors(403, 404, 409) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/products/{id}/variants',
    tags,
    summary: 'Add one variant (its own SKU, unique per tenant)',
    request: { params: idParams, ...body(VariantInputSchema) },
    responses: { 201: product, ...errors(400, 403, 404, 409) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/products/{id}/variants/generate',
    tags,
    summary: 'Add a variant for every option combination not sold yet',
    request: { params: idParams, ...body(GenerateVariantsSchema) },
    responses: { 201: product, ...errors(400, 403, 404, 409) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/v1/products/{id}/variants/{variantId}',
    tags,
    summary: 'Change a variant (a new price emits product.price-changed.v1)',
    request: { params: variantParams, ...body(VariantPatchSchema) },
    responses: { 200: product, ...errors(400, 403, 404, 409) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/v1/products/{id}/variants/{variantId}',
    tags,
    summary: 'Remove a variant (not the last one)',
    request: { params: variantParams },
    responses: { 200: product, ...errors(403, 404, 409) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/catalog/products',
    tags: ['storefront'],
    summary: "Active products, optionally of a category's subtree (`category` slug), a brand or a tag",
    request: { query: CatalogListQuerySchema },
    responses: { 200: json('A page of products', pageSchema(StorefrontProductSchema)), ...errors(400) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/catalog/products/{slug}',
    tags: ['storefront'],
    summary: 'An active product by slug, with JSON-LD; cached, ETag/304; a retired slug answers 308',
    request: { params: z.object({ slug: z.string() }), query: CatalogProductQuerySchema },
    responses: {
      200: json('The product', StorefrontProductSchema),
      304: { description: 'Not modified (If-None-Match matched the ETag)' },
      308: json('The slug was retired: `Location` and `redirectTo` give the current one', SlugRedirectSchema),
      ...errors(400, 404),
    },
  });
}

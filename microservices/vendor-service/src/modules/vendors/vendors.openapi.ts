import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { PageQuerySchema } from '@haat/common';
import { errors, json, jsonBody } from '../../infrastructure/http/openapi-responses.js';
import { ApplyVendorSchema } from './dto/apply-vendor.dto.js';
import { ListVendorsQuerySchema } from './dto/list-vendors.query.js';
import { SetTierSchema } from './dto/review-decision.dto.js';
import { PublicStoreSchema, StoreSchema, StoreSlugParamsSchema, UpdateStoreSchema } from './dto/store.dto.js';
import { UpdateVendorSchema } from './dto/update-vendor.dto.js';
import { VendorAuditPageSchema } from './dto/vendor-audit.dto.js';
import { VendorIdParamsSchema, VendorPageSchema, VendorSchema } from './dto/vendor.dto.js';

const tags = ['vendors'];

export function registerVendorsOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/v1/vendors',
    tags,
    summary: 'Apply to sell (any signed-in user; the applicant acts as the vendor’s owner)',
    request: { body: jsonBody(ApplyVendorSchema) },
    responses: { 201: json('The vendor, status applied', VendorSchema), ...errors(400, 401, 409) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/vendors',
    tags,
    summary:
      'Vendors: every one for marketplace staff (`vendor:read`), else those you work for or applied for',
    request: { query: ListVendorsQuerySchema },
    responses: { 200: json('A page of vendors, newest first', VendorPageSchema), ...errors(400, 401) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/vendors/{id}',
    tags,
    summary: 'A vendor (`vendor:read` over it)',
    request: { params: VendorIdParamsSchema },
    responses: { 200: json('The vendor', VendorSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/v1/vendors/{id}',
    tags,
    summary: 'Change contact details, or names and business type before review (`vendor:update`)',
    request: { params: VendorIdParamsSchema, body: jsonBody(UpdateVendorSchema) },
    responses: { 200: json('The vendor', VendorSchema), ...errors(400, 401, 403, 404, 409) },
  });
  registry.registerPath({
    method: 'put',
    path: '/v1/vendors/{id}/tier',
    tags,
    summary: 'Put the vendor in a commercial tier (`vendor:manage`)',
    request: { params: VendorIdParamsSchema, body: jsonBody(SetTierSchema) },
    responses: { 200: json('The vendor', VendorSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/vendors/{id}/audit',
    tags,
    summary: 'Every change of the vendor: who, when, why (`vendor:read`)',
    request: { params: VendorIdParamsSchema, query: PageQuerySchema },
    responses: {
      200: json('A page of audit entries, newest first', VendorAuditPageSchema),
      ...errors(400, 401, 403, 404),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/vendors/{id}/store',
    tags: ['stores'],
    summary: 'The store settings (`vendor:read`)',
    request: { params: VendorIdParamsSchema },
    responses: { 200: json('The store', StoreSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/v1/vendors/{id}/store',
    tags: ['stores'],
    summary: 'Change store settings; holiday mode hides the products (`vendor:update`)',
    request: { params: VendorIdParamsSchema, body: jsonBody(UpdateStoreSchema) },
    responses: { 200: json('The store', StoreSchema), ...errors(400, 401, 403, 404, 409) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/stores/{slug}',
    tags: ['stores'],
    summary: 'An approved vendor’s store page, for any visitor',
    request: { params: StoreSlugParamsSchema },
    responses: { 200: json('The store', PublicStoreSchema), ...errors(400, 404) },
  });
}

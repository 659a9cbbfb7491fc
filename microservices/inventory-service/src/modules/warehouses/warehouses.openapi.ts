import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { errors, json, jsonBody } from '../../infrastructure/http/openapi-responses.js';
import { CreateWarehouseSchema } from './dto/create-warehouse.dto.js';
import { ListWarehousesQuerySchema } from './dto/list-warehouses.query.js';
import { UpdateWarehouseSchema } from './dto/update-warehouse.dto.js';
import { WarehouseIdParamsSchema, WarehousePageSchema, WarehouseSchema } from './dto/warehouse.dto.js';

const tags = ['warehouses'];

export function registerWarehousesOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/v1/warehouses',
    tags,
    summary: 'Create a warehouse (`warehouse:create`)',
    request: { body: jsonBody(CreateWarehouseSchema) },
    responses: { 201: json('The warehouse', WarehouseSchema), ...errors(400, 401, 403, 409) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/warehouses',
    tags,
    summary: 'List warehouses (`warehouse:read`; a vendor sees its own)',
    request: { query: ListWarehousesQuerySchema },
    responses: { 200: json('A page of warehouses', WarehousePageSchema), ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/warehouses/{id}',
    tags,
    summary: 'Get a warehouse (`warehouse:read`)',
    request: { params: WarehouseIdParamsSchema },
    responses: { 200: json('The warehouse', WarehouseSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/v1/warehouses/{id}',
    tags,
    summary: 'Change name, address, location or the active flag (`warehouse:update`)',
    request: { params: WarehouseIdParamsSchema, body: jsonBody(UpdateWarehouseSchema) },
    responses: { 200: json('The warehouse', WarehouseSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/v1/warehouses/{id}',
    tags,
    summary: 'Delete a warehouse holding no stock and no reservations (`warehouse:delete`)',
    request: { params: WarehouseIdParamsSchema },
    description: '409 `WAREHOUSE_HAS_STOCK` or `WAREHOUSE_HAS_RESERVATIONS` while it holds units.',
    responses: { 204: { description: 'Deleted' }, ...errors(400, 401, 403, 404, 409) },
  });
}

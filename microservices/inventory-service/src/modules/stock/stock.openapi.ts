import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { errors, idempotencyKeyHeader, json, jsonBody } from '../../infrastructure/http/openapi-responses.js';
import { ListMovementsQuerySchema, MovementPageSchema } from './dto/movement.dto.js';
import {
  ListSkusQuerySchema,
  SkuDetailSchema,
  SkuPageSchema,
  SkuParamsSchema,
  SkuSchema,
} from './dto/sku.dto.js';
import { StockCheckResultSchema, StockCheckSchema } from './dto/stock-check.dto.js';
import {
  ListStockQuerySchema,
  StockLevelPageSchema,
  StockOperationResultSchema,
} from './dto/stock-level.dto.js';
import {
  AdjustmentSchema,
  ReceiptSchema,
  ReturnSchema,
  ThresholdSchema,
  TransferSchema,
} from './dto/stock-operations.dto.js';

const tags = ['stock'];

function operation(
  registry: OpenAPIRegistry,
  path: string,
  summary: string,
  body: Parameters<typeof jsonBody>[0],
) {
  registry.registerPath({
    method: 'post',
    path,
    tags,
    summary,
    request: { headers: idempotencyKeyHeader(true), body: jsonBody(body) },
    responses: {
      201: json('The stock levels after the change', StockOperationResultSchema),
      ...errors(400, 401, 403, 404, 409),
    },
  });
}

export function registerStockOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/v1/stock',
    tags,
    summary: 'Stock levels per SKU and warehouse (`stock:read`)',
    request: { query: ListStockQuerySchema },
    responses: { 200: json('A page of levels', StockLevelPageSchema), ...errors(400, 401, 403) },
  });
  operation(
    registry,
    '/v1/stock/receipts',
    'Receive units into a warehouse; creates unknown SKUs (`stock:update`)',
    ReceiptSchema,
  );
  operation(
    registry,
    '/v1/stock/adjustments',
    'Correct units on hand, with a reason (`stock:update`)',
    AdjustmentSchema,
  );
  operation(
    registry,
    '/v1/stock/transfers',
    'Move free units between two warehouses (`stock:update`)',
    TransferSchema,
  );
  operation(registry, '/v1/stock/returns', 'Put returned units back on hand (`stock:update`)', ReturnSchema);
  registry.registerPath({
    method: 'post',
    path: '/v1/stock/check',
    tags,
    summary: 'Can these lines be reserved now? (`stock:read`; also gRPC CheckStock)',
    request: { body: jsonBody(StockCheckSchema) },
    responses: { 200: json('Availability per line', StockCheckResultSchema), ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/skus',
    tags,
    summary: 'SKUs with totals over all warehouses (`stock:read`)',
    request: { query: ListSkusQuerySchema },
    responses: { 200: json('A page of SKUs', SkuPageSchema), ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/skus/{sku}',
    tags,
    summary: 'A SKU with its level in every warehouse (`stock:read`)',
    request: { params: SkuParamsSchema },
    responses: { 200: json('The SKU', SkuDetailSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/skus/{sku}/movements',
    tags,
    summary: 'The SKU’s stock history, newest first (`stock:read`)',
    request: { params: SkuParamsSchema, query: ListMovementsQuerySchema },
    responses: { 200: json('A page of movements', MovementPageSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'put',
    path: '/v1/skus/{sku}/low-stock-threshold',
    tags,
    summary: 'Set or clear the low-stock threshold (`stock:update`)',
    request: { params: SkuParamsSchema, body: jsonBody(ThresholdSchema) },
    responses: { 200: json('The SKU', SkuSchema), ...errors(400, 401, 403, 404) },
  });
}

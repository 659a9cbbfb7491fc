import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { IdSchema } from '@haat/common';
import { ReportAcceptedSchema, ReportViewSchema } from '@haat/reporting';
import { z } from 'zod';
import { errors, json, jsonBody } from '../../infrastructure/http/openapi-responses.js';
import { STOCK_REPORT_KIND, StockReportParamsSchema } from './stock-report.definition.js';

const tags = ['reports'];
const ReportIdParams = z.object({ id: IdSchema });

export function registerReportsOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/v1/stock/reports',
    tags,
    summary: 'Request the PDF stock report: valuation, low stock, movements of a period (`report:create`)',
    request: {
      body: jsonBody(z.object({ kind: z.literal(STOCK_REPORT_KIND), params: StockReportParamsSchema })),
    },
    responses: { 202: json('Accepted; poll Location', ReportAcceptedSchema), ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/stock/reports/{id}',
    tags,
    summary: 'A report’s status and, once ready, its file URL (`report:read`)',
    request: { params: ReportIdParams },
    responses: { 200: json('The report', ReportViewSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/stock/reports/{id}/file',
    tags,
    summary: 'The PDF (`report:read`)',
    request: { params: ReportIdParams },
    responses: {
      200: { description: 'The PDF', content: { 'application/pdf': { schema: z.string() } } },
      ...errors(401, 403, 404, 409),
    },
  });
}

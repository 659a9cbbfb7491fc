import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { IdSchema } from '@haat/common';
import { ReportAcceptedSchema, ReportViewSchema } from '@haat/reporting';
import { z } from 'zod';
import { errors, json, jsonBody } from '../../infrastructure/http/openapi-responses.js';
import { VENDOR_REPORT_KIND, VendorReportParamsSchema } from './vendor-report.definition.js';

const tags = ['reports'];
const ReportIdParams = z.object({ id: IdSchema });

export function registerReportsOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/v1/vendors/reports',
    tags,
    summary:
      'Request the PDF vendor report: profile, compliance, commission rules, performance (`report:create`)',
    request: {
      body: jsonBody(z.object({ kind: z.literal(VENDOR_REPORT_KIND), params: VendorReportParamsSchema })),
    },
    responses: { 202: json('Accepted; poll Location', ReportAcceptedSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/vendors/reports/{id}',
    tags,
    summary: 'A report’s status and, once ready, its file URL (`report:read`)',
    request: { params: ReportIdParams },
    responses: { 200: json('The report', ReportViewSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/vendors/reports/{id}/file',
    tags,
    summary: 'The PDF (`report:read`)',
    request: { params: ReportIdParams },
    responses: {
      200: { description: 'The PDF', content: { 'application/pdf': { schema: z.string() } } },
      ...errors(401, 403, 404, 409),
    },
  });
}

import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { errors, json, jsonBody } from '../../infrastructure/http/openapi-responses.js';
import { VendorIdParamsSchema } from '../vendors/dto/vendor.dto.js';
import {
  ListSubmissionsQuerySchema,
  SubmissionPageSchema,
  SubmissionSchema,
  SubmitResultSchema,
} from './dto/compliance.dto.js';
import { SubmitDocumentsSchema } from './dto/submit-documents.dto.js';

const tags = ['onboarding'];

export function registerComplianceOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/v1/vendors/{id}/submissions',
    tags,
    summary:
      'Submit (or resubmit) documents: every compliance check runs; the vendor becomes submitted or checks_failed (`vendor:update`)',
    request: { params: VendorIdParamsSchema, body: jsonBody(SubmitDocumentsSchema) },
    responses: {
      200: json('The vendor and the submission with each check', SubmitResultSchema),
      ...errors(400, 401, 403, 404, 409, 503),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/vendors/{id}/submissions',
    tags,
    summary: 'Every submission, newest first, with its failed checks (`vendor:read`)',
    request: { params: VendorIdParamsSchema, query: ListSubmissionsQuerySchema },
    responses: { 200: json('A page of submissions', SubmissionPageSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/vendors/{id}/compliance',
    tags,
    summary:
      'The latest submission: documents (numbers masked) and each check’s result and reason (`vendor:read`)',
    request: { params: VendorIdParamsSchema },
    responses: { 200: json('The latest submission', SubmissionSchema), ...errors(400, 401, 403, 404) },
  });
}

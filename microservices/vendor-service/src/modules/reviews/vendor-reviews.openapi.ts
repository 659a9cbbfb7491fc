import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import type { z } from 'zod';
import { errors, json, jsonBody } from '../../infrastructure/http/openapi-responses.js';
import {
  ApproveVendorSchema,
  ReasonedDecisionSchema,
  RejectVendorSchema,
} from '../vendors/dto/review-decision.dto.js';
import { VendorIdParamsSchema, VendorSchema } from '../vendors/dto/vendor.dto.js';

const decisions: [string, string, z.ZodType][] = [
  [
    'approve',
    'Approve a vendor whose checks passed (`submitted` → `approved`); verifies its payout account',
    ApproveVendorSchema,
  ],
  [
    'reject',
    'Reject with reasons shown to the vendor (`submitted`/`checks_failed` → `rejected`)',
    RejectVendorSchema,
  ],
  [
    'suspend',
    'Suspend an approved vendor: its products are hidden (`approved` → `suspended`)',
    ReasonedDecisionSchema,
  ],
  ['reinstate', 'Reinstate a suspended vendor (`suspended` → `approved`)', ReasonedDecisionSchema],
];

export function registerVendorReviewsOpenApi(registry: OpenAPIRegistry): void {
  for (const [action, summary, body] of decisions) {
    registry.registerPath({
      method: 'post',
      path: `/v1/vendors/{id}/${action}`,
      tags: ['onboarding'],
      summary: `${summary} (\`vendor:approve\`); 409 VENDOR_ILLEGAL_TRANSITION from any other status`,
      request: { params: VendorIdParamsSchema, body: jsonBody(body) },
      responses: { 200: json('The vendor', VendorSchema), ...errors(400, 401, 403, 404, 409) },
    });
  }
}

import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { errors, json, jsonBody } from '../../infrastructure/http/openapi-responses.js';
import { VendorIdParamsSchema } from '../vendors/dto/vendor.dto.js';
import { PayoutAccountSchema, PutPayoutAccountSchema } from './dto/payout-account.dto.js';

const tags = ['payouts'];

export function registerPayoutsOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/v1/vendors/{id}/payout-account',
    tags,
    summary: 'The payout account, numbers masked (`payout-account:read`)',
    request: { params: VendorIdParamsSchema },
    responses: { 200: json('The payout account', PayoutAccountSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'put',
    path: '/v1/vendors/{id}/payout-account',
    tags,
    summary:
      'Set a bank account or bKash/Nagad wallet (`payout-account:update`): encrypted at rest, back to pending_verification',
    request: { params: VendorIdParamsSchema, body: jsonBody(PutPayoutAccountSchema) },
    responses: { 200: json('The payout account', PayoutAccountSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/vendors/{id}/payout-account/verify',
    tags,
    summary: 'Verify a changed payout account after its checks pass again (`vendor:approve`)',
    request: { params: VendorIdParamsSchema },
    responses: { 200: json('The payout account', PayoutAccountSchema), ...errors(400, 401, 403, 404, 409) },
  });
}

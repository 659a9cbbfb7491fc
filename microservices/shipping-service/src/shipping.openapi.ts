import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { ErrorBodySchema } from '@haat/common';
import { ReportAcceptedSchema, ReportViewSchema } from '@haat/reporting';
import { z } from 'zod';
import {
  CourierAccountViewSchema,
  SaveCourierAccountSchema,
} from './modules/accounts/dto/courier-account.dto.js';
import { QuoteRequestSchema, QuoteSchema } from './modules/rates/dto/quote.dto.js';
import { RateRuleViewSchema, SaveRateRuleSchema } from './modules/rates/dto/rate-rule.dto.js';
import { ShippingReportParamsSchema } from './modules/reports/shipping-report.definition.js';
import { ShipmentViewSchema, TrackingEventViewSchema } from './modules/shipments/dto/shipment.dto.js';

const json = (description: string, schema: z.ZodType) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [c, json('Error (`error.code` says which)', ErrorBodySchema)]));
const Id = z.object({ id: z.string().uuid() });
const page = (item: z.ZodType) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** The routes of shipping-service for its OpenAPI document. */
export function registerShippingOpenApi(r: OpenAPIRegistry): void {
  r.registerPath({
    method: 'post',
    path: '/v1/shipping/quotes',
    tags: ['quotes'],
    summary: 'What one vendor’s parcel to an address costs (cart, checkout); 422 for an address in no zone',
    request: body(QuoteRequestSchema),
    responses: { 200: json('The quote', QuoteSchema), ...errors(400, 401, 422) },
  });
  r.registerPath({
    method: 'put',
    path: '/v1/shipping/rates/{zone}',
    tags: ['rates'],
    summary: 'Set the tenant’s or a vendor’s price for a zone (`shipping-rule:update`)',
    request: {
      params: z.object({ zone: z.enum(['inside_dhaka', 'dhaka_suburbs', 'outside_dhaka', 'international']) }),
      ...body(SaveRateRuleSchema),
    },
    responses: { 200: json('The rule', RateRuleViewSchema), ...errors(400, 401, 403) },
  });
  r.registerPath({
    method: 'get',
    path: '/v1/shipping/rates',
    tags: ['rates'],
    summary: 'Shipping prices (`shipping-rule:read`)',
    request: { query: z.object({ vendorId: z.string().uuid().optional() }) },
    responses: { 200: json('Rules', page(RateRuleViewSchema)), ...errors(401, 403) },
  });
  r.registerPath({
    method: 'delete',
    path: '/v1/shipping/rates/{id}',
    tags: ['rates'],
    summary: 'Remove a price (`shipping-rule:delete`)',
    request: { params: Id },
    responses: { 204: { description: 'Removed' }, ...errors(401, 403, 404) },
  });
  r.registerPath({
    method: 'put',
    path: '/v1/shipping/courier-accounts',
    tags: ['courier accounts'],
    summary:
      'Create or replace the Pathao or Steadfast account of the tenant or a vendor; credentials are sealed at rest (`shipping-rule:update`)',
    request: body(SaveCourierAccountSchema),
    responses: { 200: json('The account (no secrets)', CourierAccountViewSchema), ...errors(400, 401, 403) },
  });
  r.registerPath({
    method: 'get',
    path: '/v1/shipping/courier-accounts',
    tags: ['courier accounts'],
    summary: 'Courier accounts (`shipping-rule:read`)',
    responses: { 200: json('Accounts', page(CourierAccountViewSchema)), ...errors(401, 403) },
  });
  r.registerPath({
    method: 'delete',
    path: '/v1/shipping/courier-accounts/{id}',
    tags: ['courier accounts'],
    summary: 'Remove an account (`shipping-rule:delete`)',
    request: { params: Id },
    responses: { 204: { description: 'Removed' }, ...errors(401, 403, 404) },
  });
  r.registerPath({
    method: 'get',
    path: '/v1/shipping/courier-accounts/{id}/balance',
    tags: ['courier accounts'],
    summary: 'Steadfast merchant balance (`shipping-rule:read`)',
    request: { params: Id },
    responses: {
      200: json(
        'Balance',
        z.object({ courier: z.literal('steadfast'), balanceMinor: z.string(), currency: z.literal('BDT') }),
      ),
      ...errors(400, 401, 403, 404, 503),
    },
  });
  r.registerPath({
    method: 'post',
    path: '/v1/shipping/webhooks/{courier}/{tenantId}/{accountId}',
    tags: ['webhooks'],
    summary:
      'Courier webhooks (public; Pathao `X-PATHAO-Signature`, Steadfast `Authorization: Bearer`): 401 forged, 404 unknown consignment',
    request: {
      params: z.object({
        courier: z.enum(['pathao', 'steadfast']),
        tenantId: z.string().uuid(),
        accountId: z.string().uuid(),
      }),
    },
    responses: {
      200: { description: 'Steadfast: accepted' },
      202: { description: 'Pathao: accepted (with its integration header)' },
      ...errors(400, 401, 404, 422),
    },
  });
  r.registerPath({
    method: 'get',
    path: '/v1/shipments',
    tags: ['shipments'],
    summary: 'Shipments, newest first (`shipment:read`; vendors see theirs)',
    request: {
      query: z.object({
        orderId: z.string().uuid().optional(),
        status: z.string().optional(),
        limit: z.number().optional(),
        cursor: z.string().optional(),
      }),
    },
    responses: { 200: json('A page of shipments', page(ShipmentViewSchema)), ...errors(400, 401, 403) },
  });
  r.registerPath({
    method: 'get',
    path: '/v1/shipments/{id}',
    tags: ['shipments'],
    summary: 'A shipment with its tracking timeline (`shipment:read`)',
    request: { params: Id },
    responses: {
      200: json('The shipment', ShipmentViewSchema.extend({ tracking: z.array(TrackingEventViewSchema) })),
      ...errors(400, 401, 403, 404),
    },
  });
  r.registerPath({
    method: 'get',
    path: '/v1/shipments/{id}/label',
    tags: ['shipments'],
    summary: 'The label PDF: Code 128 barcode of the tracking id, COD amount (`shipment:read`)',
    request: { params: Id },
    responses: {
      200: { description: 'The PDF', content: { 'application/pdf': { schema: z.string() } } },
      ...errors(401, 403, 404, 409),
    },
  });
  r.registerPath({
    method: 'post',
    path: '/v1/shipping/reports',
    tags: ['reports'],
    summary: 'Request the PDF shipping report (`report:create`)',
    request: body(z.object({ kind: z.literal('shipping.summary'), params: ShippingReportParamsSchema })),
    responses: { 202: json('Accepted; poll Location', ReportAcceptedSchema), ...errors(400, 401, 403) },
  });
  r.registerPath({
    method: 'get',
    path: '/v1/shipping/reports/{id}',
    tags: ['reports'],
    summary: 'A report’s status (`report:read`)',
    request: { params: Id },
    responses: { 200: json('The report', ReportViewSchema), ...errors(401, 403, 404) },
  });
  r.registerPath({
    method: 'get',
    path: '/v1/shipping/reports/{id}/file',
    tags: ['reports'],
    summary: 'The report PDF (`report:read`)',
    request: { params: Id },
    responses: {
      200: { description: 'The PDF', content: { 'application/pdf': { schema: z.string() } } },
      ...errors(401, 403, 404, 409),
    },
  });
}

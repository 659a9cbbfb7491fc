import { pageSchema } from '@haat/common';
import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { z } from 'zod';
import { errors, json } from './infrastructure/http/openapi-responses.js';
import {
  AccountViewSchema,
  ProviderParamsSchema,
  PutAccountSchema,
} from './modules/accounts/dto/account.dto.js';
import { FraudSettingsSchema } from './modules/fraud/dto/fraud-settings.dto.js';
import {
  AddBlockSchema,
  BlockIdParamsSchema,
  ListAssessmentsQuerySchema,
  PageSchema,
} from './modules/fraud/dto/fraud.dto.js';
import {
  CreateIntentSchema,
  IntentIdParamsSchema,
  ListIntentsQuerySchema,
} from './modules/intents/dto/create-intent.dto.js';
import { IntentEventViewSchema, IntentViewSchema } from './modules/intents/dto/intent.view.js';
import { ReviewDecisionSchema } from './modules/intents/dto/review.dto.js';
import {
  CreateRefundSchema,
  RefundIdParamsSchema,
  RefundViewSchema,
} from './modules/refunds/dto/refund.dto.js';
import { CallbackParamsSchema, WebhookParamsSchema } from './modules/webhooks/dto/webhook.dto.js';

const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });
const idempotencyKey = z.object({ 'idempotency-key': z.string().min(1).max(255) });

/** payment-service's public routes (the gateway serves them under `/api`). */
export function registerPaymentsOpenApi(registry: OpenAPIRegistry): void {
  const path = (method: 'get' | 'post' | 'put' | 'delete', p: string, summary: string, rest: object) =>
    registry.registerPath({ method, path: p, tags: ['payments'], summary, ...rest } as Parameters<
      OpenAPIRegistry['registerPath']
    >[0]);

  path(
    'post',
    '/v1/payments/intents',
    'Create the payment of an order (fraud-checked, started at the provider; `payment:create`, Idempotency-Key required)',
    {
      request: { headers: idempotencyKey, ...body(CreateIntentSchema) },
      responses: {
        201: json('The intent; `nextAction` says where the customer goes', IntentViewSchema),
        ...errors(400, 401, 403, 409, 422, 503),
      },
    },
  );
  path(
    'get',
    '/v1/payments/intents',
    'Payments of the shop, newest first (customers see their own; `payment:read`)',
    {
      request: { query: ListIntentsQuerySchema },
      responses: { 200: json('A page of intents', pageSchema(IntentViewSchema)), ...errors(400, 401, 403) },
    },
  );
  path('get', '/v1/payments/intents/{id}', 'One payment', {
    request: { params: IntentIdParamsSchema },
    responses: { 200: json('The intent', IntentViewSchema), ...errors(400, 401, 403, 404) },
  });
  path('get', '/v1/payments/intents/{id}/events', 'The payment’s timeline', {
    request: { params: IntentIdParamsSchema, query: PageSchema },
    responses: {
      200: json('A page of timeline entries', pageSchema(IntentEventViewSchema)),
      ...errors(400, 401, 403, 404),
    },
  });
  path('post', '/v1/payments/intents/{id}/cancel', 'Cancel a payment nobody paid yet (`order:cancel`)', {
    request: { params: IntentIdParamsSchema },
    responses: { 200: json('The canceled intent', IntentViewSchema), ...errors(400, 401, 403, 404, 409) },
  });
  path(
    'post',
    '/v1/payments/intents/{id}/review',
    'Approve or reject a payment held by the fraud checks (`order:update`)',
    {
      request: { params: IntentIdParamsSchema, ...body(ReviewDecisionSchema) },
      responses: {
        200: json('The intent after the decision', IntentViewSchema),
        ...errors(400, 401, 403, 404, 409, 422),
      },
    },
  );
  path(
    'get',
    '/v1/payments/intents/{id}/risk',
    'The payment’s risk score, reasons and decision (`risk-score:read`)',
    {
      request: { params: IntentIdParamsSchema },
      responses: { 200: { description: 'The assessment' }, ...errors(400, 401, 403, 404) },
    },
  );
  path(
    'post',
    '/v1/payments/intents/{id}/refunds',
    'Refund all that is left, or part of it (`refund:create`, Idempotency-Key required)',
    {
      request: { params: IntentIdParamsSchema, headers: idempotencyKey, ...body(CreateRefundSchema) },
      responses: {
        201: json('The refund (pending until the provider confirms)', RefundViewSchema),
        ...errors(400, 401, 403, 404, 409),
      },
    },
  );
  path('get', '/v1/payments/intents/{id}/refunds', 'Refunds of a payment (`refund:read`)', {
    request: { params: IntentIdParamsSchema, query: PageSchema },
    responses: {
      200: json('A page of refunds', pageSchema(RefundViewSchema)),
      ...errors(400, 401, 403, 404),
    },
  });
  path('get', '/v1/payments/refunds/{id}', 'One refund (`refund:read`)', {
    request: { params: RefundIdParamsSchema },
    responses: { 200: json('The refund', RefundViewSchema), ...errors(400, 401, 403, 404) },
  });
  path('get', '/v1/payments/providers', 'The shop’s provider accounts, without secrets (`payment:read`)', {
    responses: {
      200: json('Accounts', z.object({ items: z.array(AccountViewSchema) })),
      ...errors(401, 403),
    },
  });
  path(
    'put',
    '/v1/payments/providers/{provider}',
    'Store the shop’s credentials for a provider, encrypted (`tenant:update`)',
    {
      request: { params: ProviderParamsSchema, ...body(PutAccountSchema) },
      responses: { 200: json('The account', AccountViewSchema), ...errors(400, 401, 403) },
    },
  );
  path('delete', '/v1/payments/providers/{provider}', 'Remove a provider account (`tenant:update`)', {
    request: { params: ProviderParamsSchema },
    responses: { 204: { description: 'Removed' }, ...errors(400, 401, 403, 404) },
  });
  path('get', '/v1/payments/fraud/settings', 'Fraud thresholds (`fraud-rule:read`)', {
    responses: { 200: json('Settings', FraudSettingsSchema), ...errors(401, 403) },
  });
  path('put', '/v1/payments/fraud/settings', 'Change fraud thresholds (`fraud-rule:update`)', {
    request: body(FraudSettingsSchema),
    responses: { 200: json('Settings', FraudSettingsSchema), ...errors(400, 401, 403) },
  });
  path(
    'get',
    '/v1/payments/fraud/blocklist',
    'Blocklisted phones, e-mails, IPs, devices, customers (`fraud-rule:read`)',
    {
      request: { query: PageSchema },
      responses: { 200: { description: 'A page of entries' }, ...errors(400, 401, 403) },
    },
  );
  path('post', '/v1/payments/fraud/blocklist', 'Blocklist a value (`fraud-rule:create`)', {
    request: body(AddBlockSchema),
    responses: { 201: { description: 'The entry' }, ...errors(400, 401, 403, 409) },
  });
  path('delete', '/v1/payments/fraud/blocklist/{id}', 'Remove a blocklist entry (`fraud-rule:delete`)', {
    request: { params: BlockIdParamsSchema },
    responses: { 204: { description: 'Removed' }, ...errors(400, 401, 403, 404) },
  });
  path(
    'get',
    '/v1/payments/risk-assessments',
    'Risk assessments, newest first, by decision (`risk-score:read`)',
    {
      request: { query: ListAssessmentsQuerySchema },
      responses: { 200: { description: 'A page of assessments' }, ...errors(400, 401, 403) },
    },
  );
  path(
    'post',
    '/v1/payments/reports',
    'Request a PDF payment report `{kind: "payments.summary", params: {from, to}}` (`report:create`)',
    {
      request: body(
        z.object({
          kind: z.literal('payments.summary'),
          params: z.object({ from: z.iso.date(), to: z.iso.date() }),
        }),
      ),
      responses: { 202: { description: 'Accepted; poll Location' }, ...errors(400, 401, 403) },
    },
  );
  path('get', '/v1/payments/reports/{id}', 'A report’s status and file URL (`report:read`)', {
    request: { params: RefundIdParamsSchema },
    responses: { 200: { description: 'The report' }, ...errors(400, 401, 403, 404) },
  });
  path('get', '/v1/payments/reports/{id}/file', 'The report PDF (`report:read`)', {
    request: { params: RefundIdParamsSchema },
    responses: { 200: { description: 'application/pdf' }, ...errors(400, 401, 403, 404, 409) },
  });
  path(
    'post',
    '/v1/payments/webhooks/{provider}/{tenantId}',
    'Provider webhook / IPN (public; verified by the provider’s signature; idempotent by event id)',
    {
      request: { params: WebhookParamsSchema },
      responses: { 200: { description: 'Handled, or a duplicate' }, ...errors(400, 404, 503) },
    },
  );
  path(
    'get',
    '/v1/payments/callbacks/{provider}/{tenantId}/{intentId}',
    'Browser return from a provider (public); 303 to the shop',
    {
      request: { params: CallbackParamsSchema.omit({ outcome: true }) },
      responses: { 303: { description: 'Back to the shop' }, ...errors(400, 404, 503) },
    },
  );
}

import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { errorResponse, errors, json } from '../../infrastructure/http/openapi-responses.js';
import {
  DeliveryDetailSchema,
  DeliveryIdSchema,
  DeliveryPageSchema,
  DeliverySchema,
  ListDeliveriesQuerySchema,
} from './dto/delivery.dto.js';
import { SendNotificationSchema, SentNotificationSchema } from './dto/send-notification.dto.js';

export function registerDeliveriesOpenApi(registry: OpenAPIRegistry): void {
  const tags = ['notification deliveries'];
  registry.registerPath({
    method: 'post',
    path: '/v1/notifications',
    tags: ['notifications'],
    summary:
      'Send a shipped template (order, alert or marketing) to a recipient or to an email/phone; opt-outs apply (`notification:send`, optional `Idempotency-Key`)',
    request: { body: { content: { 'application/json': { schema: SendNotificationSchema } } } },
    responses: {
      202: json('The deliveries queued (or recorded as suppressed or failed)', SentNotificationSchema),
      ...errors(400, 401, 403, 404),
      422: errorResponse('NOTIFICATION_TEMPLATE_NOT_SENDABLE or NOTIFICATION_RECIPIENT_REQUIRED'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/notifications/deliveries',
    tags,
    summary: 'The delivery log, newest first (`notification-log:read`)',
    request: { query: ListDeliveriesQuerySchema },
    responses: { 200: json('A page of deliveries', DeliveryPageSchema), ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/notifications/deliveries/{id}',
    tags,
    summary: 'One delivery with its content and every attempt (provider, id, error, duration)',
    request: { params: DeliveryIdSchema },
    responses: { 200: json('The delivery', DeliveryDetailSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/notifications/deliveries/{id}/retry',
    tags,
    summary: 'Send a failed or dead delivery again (`notification-log:update`); 409 for any other',
    request: { params: DeliveryIdSchema },
    responses: { 202: json('The delivery, queued', DeliverySchema), ...errors(400, 401, 403, 404, 409) },
  });
}

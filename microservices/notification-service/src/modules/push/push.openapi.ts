import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { PageQuerySchema } from '@haat/common';
import { errorResponse, errors, json } from '../../infrastructure/http/openapi-responses.js';
import {
  CreatePushSubscriptionSchema,
  PushSubscriptionIdSchema,
  PushSubscriptionPageSchema,
  PushSubscriptionSchema,
  VapidPublicKeySchema,
} from './dto/push-subscription.dto.js';

const tags = ['web push'];

export function registerPushOpenApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/v1/notifications/push/public-key',
    tags,
    summary: 'The VAPID public key, the `applicationServerKey` of `PushManager.subscribe()`',
    responses: {
      200: json('The key (URL-safe base64)', VapidPublicKeySchema),
      503: errorResponse('NOTIFICATION_PUSH_DISABLED: no VAPID keys are configured'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/notifications/push/subscriptions',
    tags,
    summary:
      'Register the browser’s `subscription.toJSON()` for the caller (`notification-preference:update`)',
    request: { body: { content: { 'application/json': { schema: CreatePushSubscriptionSchema } } } },
    responses: { 201: json('The subscription', PushSubscriptionSchema), ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/notifications/push/subscriptions',
    tags,
    summary: 'The caller’s subscriptions',
    request: { query: PageQuerySchema },
    responses: { 200: json('A page of subscriptions', PushSubscriptionPageSchema), ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/v1/notifications/push/subscriptions/{id}',
    tags,
    summary: 'Stop pushing to one of the caller’s browsers',
    request: { params: PushSubscriptionIdSchema },
    responses: { 204: { description: 'Removed' }, ...errors(400, 401, 403, 404) },
  });
}

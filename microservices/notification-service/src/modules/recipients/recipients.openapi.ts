import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { errors, json } from '../../infrastructure/http/openapi-responses.js';
import { PreferencesSchema, PutPreferencesSchema } from './dto/preferences.dto.js';
import { PutRecipientSchema, RecipientPathSchema, RecipientSchema } from './dto/recipient.dto.js';

export function registerRecipientsOpenApi(registry: OpenAPIRegistry): void {
  const tags = ['notification preferences'];
  registry.registerPath({
    method: 'get',
    path: '/v1/notifications/preferences',
    tags,
    summary: 'The caller’s language, addresses and opt-outs (`notification-preference:read`)',
    responses: { 200: json('The preferences', PreferencesSchema), ...errors(401, 403) },
  });
  registry.registerPath({
    method: 'put',
    path: '/v1/notifications/preferences',
    tags,
    summary: 'Change the caller’s language and opt-outs; `otp` and `account` cannot be opted out of (400)',
    request: { body: { content: { 'application/json': { schema: PutPreferencesSchema } } } },
    responses: { 200: json('The preferences now', PreferencesSchema), ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/notifications/recipients/{kind}/{ref}',
    tags: ['notification recipients'],
    summary:
      'Where a user, vendor or the shop’s alert desk (`tenant/alerts`) is reached (`notification-recipient:read`)',
    request: { params: RecipientPathSchema },
    responses: { 200: json('The recipient', RecipientSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'put',
    path: '/v1/notifications/recipients/{kind}/{ref}',
    tags: ['notification recipients'],
    summary:
      'Set a recipient’s email, phone, language and opt-outs; 400 names a bad address (`notification-recipient:update`)',
    request: {
      params: RecipientPathSchema,
      body: { content: { 'application/json': { schema: PutRecipientSchema } } },
    },
    responses: { 200: json('The recipient now', RecipientSchema), ...errors(400, 401, 403) },
  });
}

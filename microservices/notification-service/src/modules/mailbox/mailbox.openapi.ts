import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { errors, json } from '../../infrastructure/http/openapi-responses.js';
import {
  ListMailboxQuerySchema,
  MailboxMessageIdSchema,
  MailboxMessageSchema,
  MailboxPageSchema,
} from './dto/mailbox.dto.js';

export function registerMailboxOpenApi(registry: OpenAPIRegistry): void {
  const tags = ['local mailbox'];
  registry.registerPath({
    method: 'get',
    path: '/v1/mailbox/messages',
    tags,
    summary:
      'Email and SMS the embedded mailbox received, newest first: the tenant’s, or all for a platform-scope operator (`notification-log:read`; 404 NOTIFICATION_MAILBOX_DISABLED outside embedded mode)',
    request: { query: ListMailboxQuerySchema },
    responses: { 200: json('A page of messages', MailboxPageSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/mailbox/messages/{id}',
    tags,
    summary: 'One message, parsed (text and HTML)',
    request: { params: MailboxMessageIdSchema },
    responses: { 200: json('The message', MailboxMessageSchema), ...errors(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/mailbox/messages/{id}/raw',
    tags,
    summary: 'One email as received (RFC 5322 source)',
    request: { params: MailboxMessageIdSchema },
    responses: {
      200: { description: 'The raw message', content: { 'message/rfc822': { schema: { type: 'string' } } } },
      ...errors(400, 401, 403, 404),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/mailbox',
    tags,
    summary: 'The embedded mailbox as an HTML page, unsigned; embedded mode only (404 otherwise)',
    responses: { 200: { description: 'HTML', content: { 'text/html': { schema: { type: 'string' } } } } },
  });
}

import { pageSchema, PageQuerySchema } from '@haat/common';
import { z } from 'zod';
import {
  type MailboxMessage,
  MailboxMessageSchema,
} from '../../../infrastructure/mailbox/mailbox-message.js';

export const ListMailboxQuerySchema = PageQuerySchema.extend({
  /** Only messages to this email address or phone number (E.164). */
  to: z.string().max(254).optional(),
}).strict();
export type ListMailboxQuery = z.infer<typeof ListMailboxQuerySchema>;

export const MailboxMessageIdSchema = z.object({ id: z.string().uuid() });

export const MailboxSummarySchema = MailboxMessageSchema.omit({ html: true, text: true }).extend({
  /** The start of the text. */
  preview: z.string(),
});
export type MailboxSummary = z.infer<typeof MailboxSummarySchema>;
export const MailboxPageSchema = pageSchema(MailboxSummarySchema);
export { MailboxMessageSchema };

export function toSummary(m: MailboxMessage): MailboxSummary {
  const { html: _html, text, ...rest } = m;
  return { ...rest, preview: (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 200) };
}

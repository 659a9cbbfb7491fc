import { z } from 'zod';

/** One message the local mailbox received: an email over SMTP or an SMS from the mailbox SMS provider. */
export const MailboxMessageSchema = z.object({
  id: z.string().uuid(),
  /** From the `X-Haat-Tenant-Id` header; null when a message came without one. */
  tenantId: z.string().uuid().nullable(),
  kind: z.enum(['email', 'sms']),
  from: z.string().nullable(),
  to: z.array(z.string()),
  subject: z.string().nullable(),
  text: z.string().nullable(),
  html: z.string().nullable(),
  /** The `Message-ID` (email) or the delivery id (SMS): a message arriving twice is kept once. */
  messageId: z.string().nullable(),
  receivedAt: z.string().datetime({ offset: true }),
});
export type MailboxMessage = z.infer<typeof MailboxMessageSchema>;

/** Who is reading: one tenant's messages, or every message (operators, the embedded page). */
export type MailboxScope = { tenantId: string } | 'all';

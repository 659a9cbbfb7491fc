import { NotificationRecipientSchema } from '@haat/contracts';
import { z } from 'zod';
import { NotificationLocaleSchema } from '../../templates/notification-locale.rules.js';
import { EmailSchema, PhoneSchema } from '../address.rules.js';
import { OptOutSchema, OptOutsSchema } from './preferences.dto.js';

export const RecipientPathSchema = NotificationRecipientSchema.extend({
  ref: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'must be 1–100 letters, digits, ".", "_", ":" or "-"'),
});

/** Staff set where a vendor, the shop's alert desk or a customer is reached. */
export const PutRecipientSchema = z
  .object({
    email: EmailSchema.nullable().optional(),
    phone: PhoneSchema.nullable().optional(),
    locale: NotificationLocaleSchema.nullable().optional(),
    optOuts: OptOutsSchema.optional(),
  })
  .strict();
export type PutRecipient = z.infer<typeof PutRecipientSchema>;

export const RecipientSchema = z.object({
  kind: z.enum(['user', 'vendor', 'tenant']),
  ref: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  locale: NotificationLocaleSchema.nullable(),
  optOuts: z.array(OptOutSchema),
});
export type Recipient = z.infer<typeof RecipientSchema>;

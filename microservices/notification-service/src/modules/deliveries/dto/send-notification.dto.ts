import { NotificationChannelSchema, NotificationRecipientSchema } from '@haat/contracts';
import { z } from 'zod';
import { EmailSchema, PhoneSchema } from '../../recipients/address.rules.js';
import { TemplateKeySchema } from '../../templates/dto/template.dto.js';
import { NotificationLocaleSchema } from '../../templates/notification-locale.rules.js';

/**
 * Send a shipped template now: to someone known (`recipient`, whose opt-outs apply) or to a bare
 * `email` and/or `phone` (not for marketing, which needs a recipient who could opt out).
 */
export const SendNotificationSchema = z
  .object({
    templateKey: TemplateKeySchema,
    recipient: NotificationRecipientSchema.optional(),
    email: EmailSchema.optional(),
    phone: PhoneSchema.optional(),
    channels: z
      .array(NotificationChannelSchema)
      .min(1)
      .max(3)
      .refine((c) => new Set(c).size === c.length, 'must not repeat a channel')
      .optional(),
    locale: NotificationLocaleSchema.optional(),
    data: z.record(z.string(), z.unknown()).default({}),
  })
  .strict()
  .superRefine((body, ctx) => {
    const addressed = body.email !== undefined || body.phone !== undefined;
    if (body.recipient && addressed) {
      ctx.addIssue({
        code: 'custom',
        path: ['recipient'],
        message: 'give a recipient or addresses, not both',
      });
    }
    if (!body.recipient && !addressed) {
      ctx.addIssue({ code: 'custom', path: ['recipient'], message: 'give a recipient, an email or a phone' });
    }
  });
export type SendNotification = z.infer<typeof SendNotificationSchema>;

export const SentNotificationSchema = z.object({
  deliveries: z.array(
    z.object({
      id: z.string().uuid(),
      channel: NotificationChannelSchema,
      destination: z.string(),
      status: z.enum(['pending', 'sent', 'failed', 'dead', 'suppressed']),
      reason: z.string().nullable(),
    }),
  ),
});

import { z } from 'zod';

/** How a notification reaches a person. */
export const NotificationChannelSchema = z.enum(['email', 'sms', 'push']);
export type NotificationChannel = z.infer<typeof NotificationChannelSchema>;

/**
 * What a notification is about; people opt out per category and channel. `otp` and `account`
 * (security messages) cannot be opted out of.
 */
export const NotificationCategorySchema = z.enum(['otp', 'account', 'order', 'alert', 'marketing']);
export type NotificationCategory = z.infer<typeof NotificationCategorySchema>;

/** Who a notification was for, when it was for someone the platform knows (not a bare address). */
export const NotificationRecipientSchema = z.object({
  kind: z.enum(['user', 'vendor', 'tenant']),
  ref: z.string().min(1).max(100),
});
export type NotificationRecipient = z.infer<typeof NotificationRecipientSchema>;

const facts = {
  deliveryId: z.string().uuid(),
  channel: NotificationChannelSchema,
  category: NotificationCategorySchema,
  templateKey: z.string(),
  recipient: NotificationRecipientSchema.nullable(),
  /** The event that caused the notification, when one did. */
  sourceEventId: z.string().uuid().nullable(),
  sourceEventType: z.string().nullable(),
  attempts: z.number().int().nonnegative(),
};

/** The payload fields every delivery outcome event shares. */
export const NotificationDeliveryFactsSchema = z.object(facts);

import { NotificationCategorySchema, NotificationChannelSchema } from '@haat/contracts';
import { z } from 'zod';
import { NotificationLocaleSchema } from '../../templates/notification-locale.rules.js';

export const OptOutSchema = z.object({
  channel: NotificationChannelSchema,
  category: NotificationCategorySchema,
});

/** The full set of opt-outs (replaces the stored one). */
export const OptOutsSchema = z
  .array(OptOutSchema)
  .max(15)
  .refine(
    (list) => new Set(list.map((o) => `${o.channel}:${o.category}`)).size === list.length,
    'must not repeat a channel and category',
  );

/** A signed-in person's own settings. Addresses come from their account, not from here. */
export const PutPreferencesSchema = z
  .object({ locale: NotificationLocaleSchema.nullable().optional(), optOuts: OptOutsSchema.optional() })
  .strict();
export type PutPreferences = z.infer<typeof PutPreferencesSchema>;

export const PreferencesSchema = z.object({
  locale: NotificationLocaleSchema.nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  optOuts: z.array(OptOutSchema),
  categories: z.array(z.object({ category: NotificationCategorySchema, mandatory: z.boolean() })),
});
export type Preferences = z.infer<typeof PreferencesSchema>;

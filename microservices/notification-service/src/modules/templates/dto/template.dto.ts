import { NotificationCategorySchema, NotificationChannelSchema } from '@haat/contracts';
import { pageSchema } from '@haat/common';
import { z } from 'zod';
import { NotificationLocaleSchema } from '../notification-locale.rules.js';

export const TemplateKeySchema = z
  .string()
  .max(100)
  .regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/, 'must be a template key like order.confirmed');

/** `/v1/notifications/templates/{key}/{channel}/{locale}`. */
export const TemplatePathSchema = z.object({
  key: TemplateKeySchema,
  channel: NotificationChannelSchema,
  locale: NotificationLocaleSchema,
});
export type TemplatePath = z.infer<typeof TemplatePathSchema>;

/** One template in one channel and language, as the tenant's messages use it. */
export const EffectiveTemplateSchema = z.object({
  key: z.string(),
  channel: NotificationChannelSchema,
  locale: NotificationLocaleSchema,
  category: NotificationCategorySchema,
  subject: z.string().nullable(),
  text: z.string(),
  html: z.string().nullable(),
  /** `tenant` when the tenant reworded it, else `default`. */
  source: z.enum(['default', 'tenant']),
});
export type EffectiveTemplate = z.infer<typeof EffectiveTemplateSchema>;

/** A template of the catalog, with the wordings the tenant has overridden. */
export const TemplateSummarySchema = z.object({
  key: z.string(),
  category: NotificationCategorySchema,
  description: z.string(),
  variables: z.record(z.string(), z.string()),
  channels: z.array(NotificationChannelSchema),
  locales: z.array(NotificationLocaleSchema),
  overrides: z.array(z.object({ channel: NotificationChannelSchema, locale: NotificationLocaleSchema })),
});
export type TemplateSummary = z.infer<typeof TemplateSummarySchema>;
export const TemplateSummaryPageSchema = pageSchema(TemplateSummarySchema);

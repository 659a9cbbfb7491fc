import { NotificationCategorySchema, NotificationChannelSchema } from '@haat/contracts';
import { EventTypeSchema } from '@haat/contracts';
import { z } from 'zod';
import { TemplateKeySchema } from '../../templates/dto/template.dto.js';

export const RulePathSchema = z.object({ eventType: EventTypeSchema });

/** The tenant's choice for one event: which template, over which channels, or off. */
export const PutRuleSchema = z
  .object({
    templateKey: TemplateKeySchema,
    channels: z
      .array(NotificationChannelSchema)
      .max(3)
      .refine((c) => new Set(c).size === c.length, 'must not repeat a channel'),
    enabled: z.boolean(),
  })
  .strict();
export type PutRule = z.infer<typeof PutRuleSchema>;

export const RuleSchema = z.object({
  eventType: z.string(),
  description: z.string(),
  templateKey: z.string(),
  category: NotificationCategorySchema,
  channels: z.array(NotificationChannelSchema),
  enabled: z.boolean(),
  source: z.enum(['default', 'tenant']),
});
export type Rule = z.infer<typeof RuleSchema>;
export const RuleListSchema = z.object({ items: z.array(RuleSchema), nextCursor: z.null() });

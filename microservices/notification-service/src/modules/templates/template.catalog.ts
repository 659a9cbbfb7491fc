import type { NotificationChannel } from '@haat/contracts';
import { authOtpTemplate } from './default-templates/auth-otp.template.js';
import { inventoryLowStockTemplate } from './default-templates/inventory-low-stock.template.js';
import { marketingAnnouncementTemplate } from './default-templates/marketing-announcement.template.js';
import {
  orderConfirmedTemplate,
  orderDeliveredTemplate,
  orderShippedTemplate,
} from './default-templates/order-updates.templates.js';
import type { NotificationLocale } from './notification-locale.rules.js';
import type { TemplateContent, TemplateDefinition } from './template.definition.js';

/** Every template the platform ships, by key, sorted; tenants reword them, they do not add keys. */
export const TEMPLATE_CATALOG: ReadonlyMap<string, TemplateDefinition> = new Map(
  [
    authOtpTemplate,
    inventoryLowStockTemplate,
    orderConfirmedTemplate,
    orderShippedTemplate,
    orderDeliveredTemplate,
    marketingAnnouncementTemplate,
  ]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((t) => [t.key, t]),
);

export function templateDefinition(key: string): TemplateDefinition | undefined {
  return TEMPLATE_CATALOG.get(key);
}

/** The channels a template has wordings for. */
export function templateChannels(definition: TemplateDefinition): NotificationChannel[] {
  return (Object.keys(definition.channels) as NotificationChannel[]).sort();
}

export function defaultContent(
  definition: TemplateDefinition,
  channel: NotificationChannel,
  locale: NotificationLocale,
): TemplateContent | undefined {
  return definition.channels[channel]?.[locale];
}

import type { NotificationCategory, NotificationChannel } from '@haat/contracts';
import type { NotificationLocale } from './notification-locale.rules.js';

/** The Liquid sources of one template in one channel and language. */
export interface TemplateContent {
  /** Email subject or push title; SMS has none. */
  subject?: string | null;
  text: string;
  /** Email only; without it the email is plain text. */
  html?: string | null;
}

/** A template the platform ships: its category, the variables it is rendered with, its wordings. */
export interface TemplateDefinition {
  key: string;
  category: NotificationCategory;
  description: string;
  /** Variable name → meaning, shown to tenants editing the template (`shop.name` is always there). */
  variables: Readonly<Record<string, string>>;
  channels: Partial<Record<NotificationChannel, Record<NotificationLocale, TemplateContent>>>;
}

import { z } from 'zod';

/** The languages templates ship in. */
export const NOTIFICATION_LOCALES = ['en', 'bn'] as const;
export type NotificationLocale = (typeof NOTIFICATION_LOCALES)[number];
export const NotificationLocaleSchema = z.enum(NOTIFICATION_LOCALES);

/** What every message falls back to when its language has no template. */
export const FALLBACK_LOCALE: NotificationLocale = 'en';

/**
 * The template language of a BCP 47 tag (`bn-BD` → `bn`, `EN_us` → `en`); undefined when the
 * tag is missing or in a language templates do not ship in.
 */
export function toNotificationLocale(tag: string | null | undefined): NotificationLocale | undefined {
  if (!tag) return undefined;
  const language = tag.trim().toLowerCase().split(/[-_]/)[0];
  return NOTIFICATION_LOCALES.find((l) => l === language);
}

/** The first of `candidates` templates ship in, else English. */
export function pickLocale(...candidates: (string | null | undefined)[]): NotificationLocale {
  for (const c of candidates) {
    const locale = toNotificationLocale(c);
    if (locale) return locale;
  }
  return FALLBACK_LOCALE;
}

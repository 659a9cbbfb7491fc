import type { NotificationCategory, NotificationChannel } from '@haat/contracts';

/** Security messages everyone gets: one-time codes and account notices. */
export const MANDATORY_CATEGORIES: readonly NotificationCategory[] = ['otp', 'account'];

export function isMandatory(category: NotificationCategory): boolean {
  return MANDATORY_CATEGORIES.includes(category);
}

export interface OptOut {
  channel: NotificationChannel;
  category: NotificationCategory;
}

/** Whether a message of `category` over `channel` must not be sent to someone with `optOuts`. */
export function isSuppressed(
  optOuts: readonly OptOut[],
  channel: NotificationChannel,
  category: NotificationCategory,
): boolean {
  if (isMandatory(category)) return false;
  return optOuts.some((o) => o.channel === channel && o.category === category);
}

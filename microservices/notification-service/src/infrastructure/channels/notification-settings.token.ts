/** DI token of the resolved `NotificationSettings`. */
export const NOTIFICATION_SETTINGS = Symbol.for('haat.notification-settings');

import { fileURLToPath } from 'node:url';
import type { ServiceDefinition } from '@haat/service';
import { AppModule } from './app.module.js';
import { NotificationServiceConfigSchema } from './config/notification-service.config.js';
import { resolveNotificationSettings } from './config/notification.settings.js';
import { registerDeliveriesOpenApi } from './modules/deliveries/deliveries.openapi.js';
import { DeliveryWorker } from './modules/deliveries/delivery.worker.js';
import { registerMailboxOpenApi } from './modules/mailbox/mailbox.openapi.js';
import { registerPushOpenApi } from './modules/push/push.openapi.js';
import { registerRecipientsOpenApi } from './modules/recipients/recipients.openapi.js';
import { registerRulesOpenApi } from './modules/rules/rules.openapi.js';
import { registerTemplatesOpenApi } from './modules/templates/templates.openapi.js';

/**
 * notification-service: email (SMTP, or the embedded mailbox on `MAILBOX_SMTP_PORT`), SMS (SSL
 * Wireless), web push (VAPID); one-time codes for auth, alerts and order updates from events;
 * templates per tenant and language, preferences and opt-outs, and a delivery log with retries.
 */
export const notificationService: ServiceDefinition<typeof NotificationServiceConfigSchema> = {
  name: 'notification-service',
  configSchema: NotificationServiceConfigSchema,
  rootModule: (runtime) => AppModule.forRoot(resolveNotificationSettings(runtime.config), runtime.database),
  // `../migrations` from both src/ (tests) and dist/ (built).
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
  openapi: (registry) => {
    registerDeliveriesOpenApi(registry);
    registerTemplatesOpenApi(registry);
    registerRulesOpenApi(registry);
    registerRecipientsOpenApi(registry);
    registerPushOpenApi(registry);
    registerMailboxOpenApi(registry);
  },
  onStarted: async (_runtime, app) => {
    const worker = app.get(DeliveryWorker, { strict: false });
    await worker.start();
    return () => worker.stop();
  },
};

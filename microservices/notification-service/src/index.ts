export { notificationService } from './service.js';
export {
  NotificationServiceConfigSchema,
  type NotificationServiceConfig,
} from './config/notification-service.config.js';
export { PLATFORM_TENANT_ID } from './infrastructure/db/tenant-scope.js';

export { authService, createAuthService, type AuthServiceOptions } from './service.js';
export {
  AuthServiceConfigSchema,
  EMBEDDED_KEY_ENCRYPTION_KEY,
  type AuthServiceConfig,
} from './config/auth-service.config.js';
export { seedAuthDemo } from './modules/demo/seed-auth-demo.js';
export type { DemoSeedOptions } from './modules/demo/demo-seeder.js';
export {
  DEMO_CUSTOMER_PHONE,
  DEMO_EMAILS,
  DEMO_PASSWORD,
  DEMO_VENDOR_IDS,
} from './modules/demo/demo-accounts.js';
export { ARGON2_PARAMETERS } from './modules/passwords/password.hasher.js';

import { fileURLToPath } from 'node:url';
import type { ServiceDefinition } from '@haat/service';
import { AppModule } from './app.module.js';
import { PaymentServiceConfigSchema } from './config/payment-service.config.js';
import { registerPaymentsOpenApi } from './payments.openapi.js';

/**
 * payment-service: payment intents for orders with bKash, SSLCommerz, Stripe, PayPal and cash on
 * delivery; verified, idempotent webhooks; refunds; fraud checks; PDF payment reports.
 */
export const paymentService: ServiceDefinition<typeof PaymentServiceConfigSchema> = {
  name: 'payment-service',
  configSchema: PaymentServiceConfigSchema,
  rootModule: () => AppModule,
  // `../migrations` from both src/ (tests) and dist/ (built).
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
  openapi: registerPaymentsOpenApi,
};

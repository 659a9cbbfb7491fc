import { fileURLToPath } from 'node:url';
import type { ServiceDefinition } from '@haat/service';
import { AppModule } from './app.module.js';
import { assertShippingSecrets, ShippingServiceConfigSchema } from './config/shipping-service.config.js';
import { ShipmentBookingJob } from './modules/shipments/shipment-booking.job.js';
import { TrackingPollJob } from './modules/shipments/tracking-poll.job.js';
import { registerShippingOpenApi } from './shipping.openapi.js';

/**
 * shipping-service: courier accounts (Pathao, Steadfast), rates and quotes, a shipment per
 * vendor sub-order of a confirmed order, booking, labels, tracking from webhooks and polling,
 * the PDF shipping report. The booking and polling jobs run in the background.
 */
export const shippingService: ServiceDefinition<typeof ShippingServiceConfigSchema> = {
  name: 'shipping-service',
  configSchema: ShippingServiceConfigSchema,
  rootModule: (runtime) => {
    assertShippingSecrets(runtime.config);
    return AppModule.forRuntime(runtime);
  },
  // `../migrations` from both src/ (tests) and dist/ (built).
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
  openapi: registerShippingOpenApi,
  onStarted: async (_runtime, app) => {
    const booking = app.get(ShipmentBookingJob, { strict: false });
    const polling = app.get(TrackingPollJob, { strict: false });
    booking.start();
    polling.start();
    return async () => {
      await polling.stop();
      await booking.stop();
    };
  },
};

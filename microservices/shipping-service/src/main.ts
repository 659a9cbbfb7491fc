import { startService } from '@haat/service';
import { shippingService } from './service.js';

const running = await startService(shippingService);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.close().then(() => process.exit(0));
  });
}

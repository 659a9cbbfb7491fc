import { startService } from '@haat/service';
import { vendorService } from './service.js';

const running = await startService(vendorService);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.close().then(() => process.exit(0));
  });
}

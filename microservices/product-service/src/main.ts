import { startService } from '@haat/service';
import { productService } from './service.js';

const running = await startService(productService, { bodyLimit: 5 * 1024 * 1024 });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.close().then(() => process.exit(0));
  });
}

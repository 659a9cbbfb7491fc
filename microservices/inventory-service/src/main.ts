import { startService } from '@haat/service';
import { inventoryService } from './service.js';

const running = await startService(inventoryService);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.close().then(() => process.exit(0));
  });
}

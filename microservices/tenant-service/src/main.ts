import { startService } from '@haat/service';
import { tenantService } from './service.js';

const running = await startService(tenantService);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.close().then(() => process.exit(0));
  });
}

import { startService } from '@haat/service';
import { notificationService } from './service.js';

const running = await startService(notificationService);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.close().then(() => process.exit(0));
  });
}

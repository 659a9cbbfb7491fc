import { startService } from '@haat/service';
import { paymentService } from './service.js';

const running = await startService(paymentService);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.close().then(() => process.exit(0));
  });
}

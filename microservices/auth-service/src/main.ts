import { startService } from '@haat/service';
import { authService } from './service.js';

const running = await startService(authService);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.close().then(() => process.exit(0));
  });
}

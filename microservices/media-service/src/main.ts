import { startService } from '@haat/service';
import { mediaService } from './service.js';

const running = await startService(mediaService);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.close().then(() => process.exit(0));
  });
}

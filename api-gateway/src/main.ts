import { createGateway } from './gateway.factory.js';
import { loadGatewayConfig } from './config/gateway.config.js';

/** Distributed mode: `node api-gateway/dist/main.js`, configured by the environment. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadGatewayConfig();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
  const gateway = await createGateway(config);
  const url = await gateway.listen();
  gateway.app.log.info({ url }, 'api-gateway started');
  const stop = (signal: string) => {
    gateway.app.log.info({ signal }, 'api-gateway stopping');
    gateway.close().then(
      () => process.exit(0),
      (error: unknown) => {
        gateway.app.log.error({ err: error }, 'api-gateway failed to stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();

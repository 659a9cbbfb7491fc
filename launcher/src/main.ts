import { runDistributed } from './distributed.js';
import { runEmbedded } from './embedded.js';
import { loadLauncherConfig } from './launcher-config.js';

const config = loadLauncherConfig();
const embedded = config.HAAT_MODE === 'embedded' ? await runEmbedded(config) : undefined;
const platform = embedded ?? (await runDistributed(config));

if (embedded) {
  const url = new URL(embedded.gatewayUrl);
  const port = url.port ? `:${url.port}` : '';
  process.stdout.write(
    [
      '',
      `  Haat is running (embedded).`,
      `  Gateway:      ${url.protocol}//localhost${port}`,
      `  Demo tenant:  ${url.protocol}//demo.${config.HAAT_BASE_DOMAIN}${port}/api/v1/tenant`,
      `  API docs:     ${url.protocol}//localhost${port}/docs`,
      `  Health:       ${url.protocol}//localhost${port}/health`,
      `  Operator:     Authorization: Bearer ${config.HAAT_OPERATOR_TOKEN === 'haat-demo-operator-token' ? config.HAAT_OPERATOR_TOKEN : '<HAAT_OPERATOR_TOKEN>'}`,
      '',
    ].join('\n') + '\n',
  );
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void platform.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

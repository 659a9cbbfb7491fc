import type { LauncherConfig } from './launcher-config.js';
import { SERVICES } from './service-registry.js';

/** Variables a service must not inherit from the launcher's own environment. */
const PER_SERVICE = ['DATABASE_URL', 'DATABASE_MIGRATION_URL', 'HTTP_PORT', 'GRPC_PORT', 'PORT'];

export function portOf(base: number, config: LauncherConfig): number {
  return base + config.HAAT_PORT_OFFSET;
}

function inherited(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const key of PER_SERVICE) delete env[key];
  return env;
}

/** `TENANT_SERVICE_URL`, `TENANT_SERVICE_GRPC`, …: where each registered service listens. */
function upstreamUrls(config: LauncherConfig): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const s of SERVICES) {
    urls[s.gatewayEnv.http] = `http://127.0.0.1:${portOf(s.httpPort, config)}`;
    if (s.gatewayEnv.grpc && s.grpcPort !== undefined)
      urls[s.gatewayEnv.grpc] = `127.0.0.1:${portOf(s.grpcPort, config)}`;
  }
  return urls;
}

/** The environment of one service process (or in-process instance). */
export function serviceEnv(
  config: LauncherConfig,
  service: { httpPort: number; grpcPort?: number },
  extra: Record<string, string | undefined>,
): Record<string, string | undefined> {
  return {
    ...inherited(),
    // Where every other service listens, for service-to-service calls.
    ...upstreamUrls(config),
    HAAT_MODE: config.HAAT_MODE,
    LOG_LEVEL: config.LOG_LEVEL,
    INTERNAL_SIGNING_SECRET: config.INTERNAL_SIGNING_SECRET,
    HAAT_BASE_DOMAIN: config.HAAT_BASE_DOMAIN,
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: String(portOf(service.httpPort, config)),
    GRPC_PORT: service.grpcPort === undefined ? undefined : String(portOf(service.grpcPort, config)),
    ...extra,
  };
}

/** The gateway's environment: where every upstream listens. */
export function gatewayEnv(
  config: LauncherConfig,
  extra: Record<string, string | undefined>,
): Record<string, string | undefined> {
  return {
    ...inherited(),
    ...upstreamUrls(config),
    HAAT_MODE: config.HAAT_MODE,
    LOG_LEVEL: config.LOG_LEVEL,
    PORT: String(config.PORT + config.HAAT_PORT_OFFSET),
    INTERNAL_SIGNING_SECRET: config.INTERNAL_SIGNING_SECRET,
    HAAT_BASE_DOMAIN: config.HAAT_BASE_DOMAIN,
    HAAT_OPERATOR_TOKEN: config.HAAT_OPERATOR_TOKEN,
    ...extra,
  };
}

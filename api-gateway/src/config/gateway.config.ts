import { ConfigError, loadConfig } from '@haat/config';
import { UPSTREAM_SERVICES, type UpstreamServiceDefinition } from '../routing/upstream-services.js';
import { type GatewaySettings, GatewaySettingsSchema } from './gateway-settings.schema.js';
import { type UpstreamEndpoint, loadUpstreamEndpoints } from './upstream-endpoints.loader.js';

/** The gateway's whole configuration: its settings plus where each upstream service lives. */
export type GatewayConfig = GatewaySettings & { upstreams: Record<string, UpstreamEndpoint> };

function problemsOf(error: unknown): ConfigError['problems'] {
  if (error instanceof ConfigError) return error.problems;
  throw error;
}

/**
 * Parses the gateway's environment once. Every bad variable is reported in one `ConfigError`
 * that names it, so start-up stops with a message a person can act on.
 */
export function loadGatewayConfig(
  env: Record<string, string | undefined> = process.env,
  services: readonly UpstreamServiceDefinition[] = UPSTREAM_SERVICES,
): GatewayConfig {
  let settings: GatewaySettings | undefined;
  let upstreams: Record<string, UpstreamEndpoint> | undefined;
  const problems: ConfigError['problems'] = [];
  try {
    settings = loadConfig('api-gateway', GatewaySettingsSchema, env);
  } catch (error) {
    problems.push(...problemsOf(error));
  }
  try {
    upstreams = loadUpstreamEndpoints(services, env);
  } catch (error) {
    problems.push(...problemsOf(error));
  }
  if (!settings || !upstreams) throw new ConfigError('api-gateway', problems);
  return { ...settings, upstreams };
}

/** The hosts that serve platform-scope routes. */
export function platformHosts(config: GatewaySettings): ReadonlySet<string> {
  const configured = config.HAAT_PLATFORM_HOSTS.map((h) => h.toLowerCase());
  return new Set(
    configured.length > 0 ? configured : [config.HAAT_BASE_DOMAIN, `api.${config.HAAT_BASE_DOMAIN}`],
  );
}

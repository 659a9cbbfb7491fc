import { loadConfig, url } from '@haat/config';
import { z } from 'zod';
import type { UpstreamServiceDefinition } from '../routing/upstream-services.js';

/** `host:port` of a gRPC server. */
const grpcAddress = z
  .string()
  .regex(/^[A-Za-z0-9.-]+:\d{1,5}$|^\[[0-9A-Fa-f:.]+\]:\d{1,5}$/, 'must be host:port');

export const UpstreamEndpointSchema = z.object({
  url: url(['http', 'https']),
  grpc: grpcAddress.optional(),
});
export type UpstreamEndpoint = z.output<typeof UpstreamEndpointSchema>;

/** Reads each service's URL (and gRPC address) variables; a bad one fails naming the variable. */
export function loadUpstreamEndpoints(
  services: readonly UpstreamServiceDefinition[],
  env: Record<string, string | undefined>,
): Record<string, UpstreamEndpoint> {
  const shape: Record<string, z.ZodType<string>> = {};
  for (const s of services) {
    shape[s.url.variable] = url(['http', 'https']).default(s.url.fallback);
    if (s.grpc) shape[s.grpc.variable] = grpcAddress.default(s.grpc.fallback);
  }
  const values = loadConfig('api-gateway', z.object(shape), env);
  const endpoints: Record<string, UpstreamEndpoint> = {};
  for (const s of services) {
    const httpUrl = values[s.url.variable];
    if (httpUrl === undefined) continue;
    endpoints[s.name] = { url: httpUrl, grpc: s.grpc ? values[s.grpc.variable] : undefined };
  }
  return endpoints;
}

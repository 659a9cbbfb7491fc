/** An upstream service the gateway routes to, and the variables that locate it. */
export interface UpstreamServiceDefinition {
  name: string;
  /** Variable holding the service's HTTP base URL, and its embedded default. */
  url: { variable: string; fallback: string };
  /** Variable holding the service's gRPC `host:port`, when it serves gRPC. */
  grpc?: { variable: string; fallback: string };
}

/** Every service behind the gateway. A new service: one entry here, its routes in `routes.ts`. */
export const UPSTREAM_SERVICES: readonly UpstreamServiceDefinition[] = [
  {
    name: 'tenant-service',
    url: { variable: 'TENANT_SERVICE_URL', fallback: 'http://127.0.0.1:4101' },
    grpc: { variable: 'TENANT_SERVICE_GRPC', fallback: '127.0.0.1:5101' },
  },
];

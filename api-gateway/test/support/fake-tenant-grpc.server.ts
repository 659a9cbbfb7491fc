import {
  Metadata,
  Server,
  ServerCredentials,
  type ServerUnaryCall,
  type ServiceDefinition,
  type sendUnaryData,
  status,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import type { ResolvedTenant } from '@haat/contracts';
import { protoPath } from '@haat/contracts';
import { type RequestContext, verifyInternalRequest } from '@haat/tenant';

type Request = Record<string, unknown>;
type Handler = (call: ServerUnaryCall<Request, object>, callback: sendUnaryData<object>) => void;

/** tenant-service's decoding: proto field names, int64 as numbers, defaults filled. */
const SERVER_LOADER_OPTIONS = { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true };
const RESOLVE_HOST_PATH = '/haat.tenant.v1.TenantDirectory/ResolveHost';

function metadataHeaders(metadata: Metadata): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata.getMap())) headers[key] = String(value);
  return headers;
}

/**
 * tenant.proto's TenantDirectory over real gRPC, verifying the gateway's signature the way
 * tenant-service does: over `POST`, the method path and the request's fields in declaration
 * order under their proto names (`{"host":"demo.localhost"}`). ResolveHost answers from
 * `tenants`, else NOT_FOUND with `x-haat-error-code: TENANT_NOT_FOUND`.
 */
export class FakeTenantGrpcServer {
  private constructor(
    private readonly server: Server,
    readonly address: string,
    /** Every call received, with the identity its signature proved (or why it did not). */
    readonly calls: { request: Request; context: RequestContext | { error: string } }[],
  ) {}

  static async start(secret: string, tenants: Map<string, ResolvedTenant>): Promise<FakeTenantGrpcServer> {
    const definition = loadSync(protoPath('tenant.proto'), SERVER_LOADER_OPTIONS)[
      'haat.tenant.v1.TenantDirectory'
    ];
    if (!definition || !('ResolveHost' in definition))
      throw new Error('TenantDirectory missing from tenant.proto');
    const service: ServiceDefinition = definition;
    const calls: FakeTenantGrpcServer['calls'] = [];
    const resolveHost: Handler = (call, callback) => {
      const context = verify(secret, call);
      calls.push({ request: call.request, context });
      if ('error' in context) return callback({ code: status.UNAUTHENTICATED, details: context.error });
      const host = String(call.request.host);
      const tenant = tenants.get(host);
      if (!tenant) {
        const metadata = new Metadata();
        metadata.set('x-haat-error-code', 'TENANT_NOT_FOUND');
        return callback({
          code: status.NOT_FOUND,
          details: `TENANT_NOT_FOUND: No tenant at ${host}`,
          metadata,
        });
      }
      callback(null, {
        tenant_id: tenant.tenantId,
        slug: tenant.slug,
        name: tenant.name,
        status: tenant.status,
        plan_code: tenant.plan.code,
        limits: { products: tenant.plan.limits.products ?? -1, vendors: -1, staff: -1, orders_per_month: -1 },
        tenant_requests_per_minute: tenant.plan.rateLimits.tenantRequestsPerMinute,
        domains: tenant.domains,
        features: tenant.features,
        default_currency: tenant.defaultCurrency,
        default_locale: tenant.defaultLocale,
      });
    };
    const checkLimit: Handler = (_call, callback) =>
      callback(null, { allowed: true, limit: -1, remaining: -1 });
    const server = new Server();
    server.addService(service, { ResolveHost: resolveHost, CheckLimit: checkLimit });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, p) =>
        error ? reject(error) : resolve(p),
      ),
    );
    return new FakeTenantGrpcServer(server, `127.0.0.1:${port}`, calls);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.tryShutdown(() => resolve()));
  }
}

function verify(secret: string, call: ServerUnaryCall<Request, object>): RequestContext | { error: string } {
  try {
    return verifyInternalRequest({
      method: 'POST',
      path: RESOLVE_HOST_PATH,
      body: JSON.stringify({ host: call.request.host }),
      headers: metadataHeaders(call.metadata),
      secrets: [secret],
    });
  } catch (error) {
    return { error: (error as { code?: string }).code ?? String(error) };
  }
}

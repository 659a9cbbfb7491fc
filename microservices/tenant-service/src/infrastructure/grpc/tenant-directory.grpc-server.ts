import {
  type handleUnaryCall,
  Server,
  ServerCredentials,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ForbiddenError, parseOrThrow } from '@haat/common';
import { INTERNAL_SIGNING_SECRETS, type RequestContext, runWithContext } from '@haat/tenant';
import { HostResolutionService } from '../../modules/resolution/host-resolution.service.js';
import { LimitsService } from '../../modules/limits/limits.service.js';
import { canonicalGrpcBody, grpcSignedPath, verifyGrpcCall } from './grpc-request.signature.js';
import { toGrpcError } from './grpc-status.mapper.js';
import {
  loadTenantDirectory,
  TENANT_DIRECTORY_SERVICE,
  type TenantDirectoryMethod,
} from './tenant-directory.definition.js';
import {
  CheckLimitRequestSchema,
  ResolveHostRequestSchema,
  toCheckLimitResponse,
  toResolvedTenantMessage,
} from './tenant-directory.messages.js';

type Request = Record<string, unknown>;

/**
 * `haat.tenant.v1.TenantDirectory` over gRPC: the same resolution and limit checks as the REST
 * API, behind the same internal signature (carried in metadata).
 */
@Injectable()
export class TenantDirectoryGrpcServer {
  private readonly logger = new Logger('TenantDirectoryGrpcServer');
  private readonly definition = loadTenantDirectory();
  private server: Server | undefined;
  private boundPort: number | undefined;

  constructor(
    private readonly resolution: HostResolutionService,
    private readonly limits: LimitsService,
    @Inject(INTERNAL_SIGNING_SECRETS) private readonly secrets: readonly string[],
  ) {}

  /** The port it listens on (the real one when started on port 0). */
  get port(): number {
    if (this.boundPort === undefined) throw new Error('The gRPC server is not started');
    return this.boundPort;
  }

  async start(host: string, port: number): Promise<number> {
    const server = new Server();
    const implementation: UntypedServiceImplementation = {
      ResolveHost: this.unary('ResolveHost', (ctx, request) => this.resolveHost(ctx, request)),
      CheckLimit: this.unary('CheckLimit', (ctx, request) => this.checkLimit(ctx, request)),
    };
    server.addService(this.definition.service, implementation);
    const address = `${host.includes(':') ? `[${host}]` : host}:${port}`;
    this.boundPort = await new Promise<number>((resolve, reject) =>
      server.bindAsync(address, ServerCredentials.createInsecure(), (err, bound) =>
        err ? reject(err) : resolve(bound),
      ),
    );
    this.server = server;
    this.logger.log(`gRPC ${TENANT_DIRECTORY_SERVICE} listening on ${host}:${this.boundPort}`);
    return this.boundPort;
  }

  /** Lets calls in flight finish for up to `graceMs`, then cuts the rest. */
  async stop(graceMs = 5_000): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.boundPort = undefined;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        server.forceShutdown();
        resolve();
      }, graceMs);
      server.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private async resolveHost(ctx: RequestContext, request: Request) {
    const { host } = parseOrThrow(ResolveHostRequestSchema, request, 'payload');
    return toResolvedTenantMessage(await this.resolution.resolve(ctx, host));
  }

  private async checkLimit(ctx: RequestContext, request: Request) {
    const input = parseOrThrow(CheckLimitRequestSchema, request, 'payload');
    // A caller acting for a tenant may only ask about that tenant; platform callers about any.
    if (ctx.tenantId !== null && ctx.tenantId !== input.tenant_id) {
      throw new ForbiddenError('TENANT_MISMATCH', 'tenant_id is not the signed tenant', {
        tenantId: input.tenant_id,
      });
    }
    const decision = await this.limits.check(ctx, input.tenant_id, {
      resource: input.resource,
      current: input.current,
      adding: input.adding,
    });
    return toCheckLimitResponse(decision);
  }

  /** Verifies the signature, runs the handler in the signed context, maps errors to statuses. */
  private unary<Res>(
    method: TenantDirectoryMethod,
    handle: (ctx: RequestContext, request: Request) => Promise<Res>,
  ): handleUnaryCall<Request, Res> {
    const path = grpcSignedPath(TENANT_DIRECTORY_SERVICE, method);
    const fields = this.definition.requestFields[method];
    return (call, callback) => {
      const run = async () => {
        const ctx = verifyGrpcCall({
          metadata: call.metadata,
          path,
          body: canonicalGrpcBody(fields, call.request),
          secrets: this.secrets,
        });
        return runWithContext(ctx, () => handle(ctx, call.request));
      };
      run().then(
        (response) => callback(null, response),
        (err: unknown) => {
          const mapped = toGrpcError(err);
          if (mapped.unexpected) this.logger.error({ err, method }, 'gRPC call failed');
          callback(mapped.error);
        },
      );
    };
  }
}

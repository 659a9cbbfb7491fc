import {
  type handleUnaryCall,
  Server,
  ServerCredentials,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  authRequired,
  missingPermissions,
  permissionDenied,
  resolveIdentity,
  ROLE_PERMISSION_SOURCE,
  type RolePermissionSource,
} from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { INTERNAL_SIGNING_SECRETS, runWithContext } from '@haat/tenant';
import { CommissionResolutionService } from '../../modules/commissions/commission-resolution.service.js';
import { ResolveCommissionSchema } from '../../modules/commissions/dto/resolve-commission.dto.js';
import { tenantContext } from '../auth/tenant-context.js';
import { COMMISSIONS_SERVICE, loadCommissionsDefinition } from './commissions.definition.js';
import { ResolveCommissionMessage, toResolveCommissionResponse } from './commissions.messages.js';
import { canonicalGrpcBody, grpcSignedPath, verifyGrpcCall } from './grpc-request.signature.js';
import { toGrpcError } from './grpc-status.mapper.js';

type Request = Record<string, unknown>;

/**
 * `haat.vendor.v1.Commissions` over gRPC for order and accounting: the same resolution as
 * `POST /v1/commissions/resolve`, behind the same internal signature (carried in metadata) and
 * permission (`commission-rule:read`).
 */
@Injectable()
export class CommissionsGrpcServer {
  private readonly logger = new Logger('CommissionsGrpcServer');
  private readonly definition = loadCommissionsDefinition();
  private server: Server | undefined;
  private boundPort: number | undefined;

  constructor(
    private readonly resolution: CommissionResolutionService,
    @Inject(INTERNAL_SIGNING_SECRETS) private readonly secrets: readonly string[],
    @Inject(ROLE_PERMISSION_SOURCE) private readonly roles: RolePermissionSource,
  ) {}

  /** The port it listens on (the real one when started on port 0). */
  get port(): number {
    if (this.boundPort === undefined) throw new Error('The gRPC server is not started');
    return this.boundPort;
  }

  async start(host: string, port: number): Promise<number> {
    const server = new Server();
    const implementation: UntypedServiceImplementation = { Resolve: this.resolve() };
    server.addService(this.definition.service, implementation);
    const address = `${host.includes(':') ? `[${host}]` : host}:${port}`;
    this.boundPort = await new Promise<number>((resolve, reject) =>
      server.bindAsync(address, ServerCredentials.createInsecure(), (err, bound) =>
        err ? reject(err) : resolve(bound),
      ),
    );
    this.server = server;
    this.logger.log(`gRPC ${COMMISSIONS_SERVICE} listening on ${host}:${this.boundPort}`);
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

  /** Verifies the signature and permission, resolves in the signed context, maps errors. */
  private resolve(): handleUnaryCall<Request, unknown> {
    const path = grpcSignedPath(COMMISSIONS_SERVICE, 'Resolve');
    return (call, callback) => {
      const run = async () => {
        const ctx = verifyGrpcCall({
          metadata: call.metadata,
          path,
          body: canonicalGrpcBody(this.definition.resolveFields, call.request),
          secrets: this.secrets,
        });
        const identity = await resolveIdentity(ctx, this.roles);
        if (!identity) throw authRequired();
        const missing = missingPermissions(identity.permissions, ['commission-rule:read']);
        if (missing.length > 0) throw permissionDenied(missing);
        const input = parseOrThrow(
          ResolveCommissionSchema,
          parseOrThrow(ResolveCommissionMessage, call.request, 'payload'),
          'payload',
        );
        return runWithContext(ctx, async () =>
          toResolveCommissionResponse(await this.resolution.resolve(tenantContext(ctx), input)),
        );
      };
      run().then(
        (response) => callback(null, response),
        (err: unknown) => {
          const mapped = toGrpcError(err);
          if (mapped.unexpected) this.logger.error({ err }, 'gRPC call failed');
          callback(mapped.error);
        },
      );
    };
  }
}

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
  type RequiredPermission,
  type RolePermissionSource,
} from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import {
  INTERNAL_SIGNING_SECRETS,
  type RequestContext,
  runWithContext,
  type TenantContext,
} from '@haat/tenant';
import { ReserveSchema } from '../../modules/reservations/dto/reserve.dto.js';
import { ReservationsService } from '../../modules/reservations/reservations.service.js';
import { StockCheckSchema } from '../../modules/stock/dto/stock-check.dto.js';
import { StockQueryService } from '../../modules/stock/stock-query.service.js';
import { tenantContext } from '../auth/tenant-context.js';
import { canonicalGrpcBody, grpcSignedPath, verifyGrpcCall } from './grpc-request.signature.js';
import { toGrpcError } from './grpc-status.mapper.js';
import { INVENTORY_SERVICE, type InventoryMethod, loadInventoryDefinition } from './inventory.definition.js';
import {
  CheckStockMessage,
  ReserveMessage,
  toCheckStockResponse,
  toReserveResponse,
} from './inventory.messages.js';

type Request = Record<string, unknown>;

/**
 * `haat.inventory.v1.Inventory` over gRPC for cart and order: the same stock check and
 * reservation as the REST API, behind the same internal signature (carried in metadata) and
 * the same permissions (`stock:read`, `reservation:create`).
 */
@Injectable()
export class InventoryGrpcServer {
  private readonly logger = new Logger('InventoryGrpcServer');
  private readonly definition = loadInventoryDefinition();
  private server: Server | undefined;
  private boundPort: number | undefined;

  constructor(
    private readonly stock: StockQueryService,
    private readonly reservations: ReservationsService,
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
    const implementation: UntypedServiceImplementation = {
      CheckStock: this.unary('CheckStock', 'stock:read', async (ctx, request) => {
        const input = parseOrThrow(
          StockCheckSchema,
          parseOrThrow(CheckStockMessage, request, 'payload'),
          'payload',
        );
        return toCheckStockResponse(await this.stock.check(ctx, input));
      }),
      Reserve: this.unary('Reserve', 'reservation:create', async (ctx, request) => {
        const input = parseOrThrow(
          ReserveSchema,
          parseOrThrow(ReserveMessage, request, 'payload'),
          'payload',
        );
        const answer = await this.reservations.reserve(ctx, input);
        return toReserveResponse(answer.reservation, answer.replayed);
      }),
    };
    server.addService(this.definition.service, implementation);
    const address = `${host.includes(':') ? `[${host}]` : host}:${port}`;
    this.boundPort = await new Promise<number>((resolve, reject) =>
      server.bindAsync(address, ServerCredentials.createInsecure(), (err, bound) =>
        err ? reject(err) : resolve(bound),
      ),
    );
    this.server = server;
    this.logger.log(`gRPC ${INVENTORY_SERVICE} listening on ${host}:${this.boundPort}`);
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

  /** Verifies the signature and permission, runs the handler in the signed context, maps errors. */
  private unary<Res>(
    method: InventoryMethod,
    permission: RequiredPermission,
    handle: (ctx: TenantContext, request: Request) => Promise<Res>,
  ): handleUnaryCall<Request, Res> {
    const path = grpcSignedPath(INVENTORY_SERVICE, method);
    const fields = this.definition.requestFields[method];
    return (call, callback) => {
      const run = async () => {
        const ctx = verifyGrpcCall({
          metadata: call.metadata,
          path,
          body: canonicalGrpcBody(fields, call.request),
          secrets: this.secrets,
        });
        await this.authorize(ctx, permission);
        return runWithContext(ctx, () => handle(tenantContext(ctx), call.request));
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

  private async authorize(ctx: RequestContext, permission: RequiredPermission): Promise<void> {
    const identity = await resolveIdentity(ctx, this.roles);
    if (!identity) throw authRequired();
    const missing = missingPermissions(identity.permissions, [permission]);
    if (missing.length > 0) throw permissionDenied(missing);
  }
}

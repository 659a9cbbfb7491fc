import type { RouteScope } from '../routing/route.schema.js';

/** An internal gRPC method callable as JSON at `POST /api/v1/rpc/<package>.<Service>/<Method>`. */
export interface PublicRpcMethod {
  /** `<package>.<Service>/<Method>` as in the proto file. */
  method: string;
  service: string;
  /** File in `libs/contracts/proto`. */
  protoFile: string;
  scope: RouteScope;
  perClientPerMinute?: number;
}

/** The only gRPC methods the bridge serves; any other is a 404. */
export const PUBLIC_RPC_METHODS: readonly PublicRpcMethod[] = [
  {
    method: 'haat.tenant.v1.TenantDirectory/ResolveHost',
    service: 'tenant-service',
    protoFile: 'tenant.proto',
    scope: 'platform',
  },
];

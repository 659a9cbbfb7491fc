import { InternalError } from '@haat/common';
import type { GatewayConfig } from '../config/gateway.config.js';
import type { RouteScope } from '../routing/route.schema.js';
import { canonicalBodyOf } from './grpc-canonical-body.js';
import { GrpcUpstream } from './grpc-upstream.client.js';
import { loadRpcMethod, packageOf } from './proto-method.loader.js';
import type { PublicRpcMethod } from './public-rpc-methods.js';
import { type BridgedMethod, RPC_PREFIX } from './rpc-bridge.route.js';
import { ProtoSchemaBuilder } from './rpc-openapi.js';

/** The bridge's methods, its gRPC clients, and its part of the OpenAPI document. */
export interface RpcBridgeSetup {
  methods: Map<string, BridgedMethod>;
  upstreams: GrpcUpstream[];
  openapi: { paths: Record<string, unknown>; schemas: Record<string, unknown> };
}

const SCOPE_HOSTS: Record<RouteScope, string> = {
  platform: 'platform host',
  tenant: 'tenant host',
  'tenant-or-platform': 'tenant or platform host',
};

/**
 * Loads every public method from its proto (a method missing from its proto stops start-up)
 * and opens one gRPC client per upstream service.
 */
export function setUpRpcBridge(config: GatewayConfig, table: readonly PublicRpcMethod[]): RpcBridgeSetup {
  const upstreams = new Map<string, GrpcUpstream>();
  const methods = new Map<string, BridgedMethod>();
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  for (const entry of table) {
    const address = config.upstreams[entry.service]?.grpc;
    if (!address) {
      throw new InternalError(
        'GATEWAY_UPSTREAM_UNCONFIGURED',
        `No gRPC address is configured for ${entry.service}`,
        {
          service: entry.service,
        },
      );
    }
    let upstream = upstreams.get(entry.service);
    if (!upstream) {
      upstream = new GrpcUpstream({
        name: entry.service,
        address,
        timeoutMs: config.UPSTREAM_TIMEOUT,
        consecutiveFailures: config.BREAKER_FAILURES,
        halfOpenAfterMs: config.BREAKER_HALF_OPEN_AFTER,
      });
      upstreams.set(entry.service, upstream);
    }
    const definition = loadRpcMethod(entry.protoFile, entry.method);
    methods.set(entry.method, {
      entry,
      definition,
      canonicalBody: canonicalBodyOf(entry.protoFile, entry.method),
      upstream,
    });

    const builder = new ProtoSchemaBuilder(packageOf(entry.protoFile));
    const serviceName = entry.method.split('/')[0] ?? '';
    const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
    paths[`${RPC_PREFIX}${entry.method}`] = {
      post: {
        operationId: `Rpc_${entry.method.replace(/[^A-Za-z0-9]+/g, '_')}`,
        tags: ['rpc'],
        summary: `gRPC ${entry.method} as JSON`,
        description: `Calls ${entry.service} over gRPC (${entry.protoFile}); ${SCOPE_HOSTS[entry.scope]}.`,
        requestBody: {
          required: false,
          ...json(builder.refForTypeIn(serviceName, nameOf(definition.requestType.type))),
        },
        responses: {
          200: {
            description: 'The response message',
            ...json(builder.refForTypeIn(serviceName, nameOf(definition.responseType.type))),
          },
          default: {
            description: 'An error in the one error shape; gRPC statuses map to HTTP (NOT_FOUND → 404, …)',
          },
        },
      },
    };
    Object.assign(schemas, builder.components);
  }
  return { methods, upstreams: [...upstreams.values()], openapi: { paths, schemas } };
}

function nameOf(descriptor: object): string {
  return 'name' in descriptor && typeof descriptor.name === 'string' ? descriptor.name : '';
}

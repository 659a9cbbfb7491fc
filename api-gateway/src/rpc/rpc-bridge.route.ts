import { NotFoundError, ValidationError } from '@haat/common';
import { SpanKind, startSpan } from '@haat/observability';
import { signInternalRequest } from '@haat/tenant';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RequestAdmission } from '../edge/request-admission.js';
import { outgoingTraceparent } from '../identity/traceparent.js';
import { admittedOf } from '../proxy/proxy.route.js';
import { grpcErrorToAppError, isGrpcServiceError } from './grpc-status.mapper.js';
import type { CanonicalBody } from './grpc-canonical-body.js';
import type { GrpcUpstream } from './grpc-upstream.client.js';
import type { RpcMethodDefinition } from './proto-method.loader.js';
import type { PublicRpcMethod } from './public-rpc-methods.js';

/** Public RPC prefix: `POST /api/v1/rpc/<package>.<Service>/<Method>`. */
export const RPC_PREFIX = '/api/v1/rpc/';

/** A public method ready to call. */
export interface BridgedMethod {
  entry: PublicRpcMethod;
  definition: RpcMethodDefinition;
  /** The body the signature covers (see `grpc-canonical-body.ts`). */
  canonicalBody: CanonicalBody;
  upstream: GrpcUpstream;
}

/** What the bridge needs. */
export interface RpcBridgeDeps {
  admission: RequestAdmission;
  methods: ReadonlyMap<string, BridgedMethod>;
  signingSecret: string;
}

function methodOf(request: FastifyRequest, methods: ReadonlyMap<string, BridgedMethod>): BridgedMethod {
  const name = (request.params as { '*'?: string })['*'] ?? '';
  const method = methods.get(name);
  if (!method) {
    throw new NotFoundError('RPC_METHOD_NOT_FOUND', `No public RPC method ${name.slice(0, 200)}`, {
      method: name.slice(0, 200),
    });
  }
  return method;
}

function isJsonRequest(request: FastifyRequest): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\s*(;|$)/i.test(request.headers['content-type'] ?? '');
}

/** The JSON body as an object (`{}` when empty). */
function requestObject(request: FastifyRequest): Record<string, unknown> {
  const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  if (body.length === 0) return {};
  if (!isJsonRequest(request)) {
    throw new ValidationError('RPC_JSON_REQUIRED', 'The RPC bridge takes an application/json body');
  }
  const value: unknown = JSON.parse(body.toString('utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError('RPC_INVALID_REQUEST', 'The request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/** The request message's bytes; a body that does not fit the message is a 400. */
function serialize(definition: RpcMethodDefinition, value: Record<string, unknown>): Buffer {
  try {
    return definition.requestSerialize(value);
  } catch (error) {
    throw new ValidationError(
      'RPC_INVALID_REQUEST',
      `The body does not fit the request message: ${(error as Error).message}`.slice(0, 300),
    );
  }
}

/**
 * The gRPC ↔ HTTP bridge: JSON in (camelCase, int64 as strings), the upstream's gRPC method
 * called with signed metadata, JSON out. The signature is the HTTP one, over `POST`, the gRPC
 * path and, as the body, the canonical JSON of the request message that the server rebuilds
 * from what it decoded, so both sides compute the same bytes.
 */
export function registerRpcBridge(app: FastifyInstance, deps: RpcBridgeDeps): void {
  app.route({
    method: 'POST',
    url: `${RPC_PREFIX}*`,
    onRequest: async (request, reply) => {
      const { entry } = methodOf(request, deps.methods);
      await deps.admission.admit(request, reply, {
        id: `rpc:${entry.method}`,
        scope: entry.scope,
        perClientPerMinute: entry.perClientPerMinute,
      });
    },
    handler: async (request) => {
      const { entry, definition, canonicalBody, upstream } = methodOf(request, deps.methods);
      const admitted = admittedOf(request);
      const bytes = serialize(definition, requestObject(request));
      const traceparent = request.headers.traceparent;
      return startSpan(
        `RPC ${entry.method}`,
        async () => {
          const context = { ...admitted.context, traceparent: outgoingTraceparent(traceparent) };
          const headers = signInternalRequest({
            method: 'POST',
            path: definition.path,
            body: canonicalBody(bytes),
            context,
            secret: deps.signingSecret,
          });
          try {
            return await upstream.call(definition, bytes, headers);
          } catch (error) {
            throw isGrpcServiceError(error) ? grpcErrorToAppError(error, upstream.name) : error;
          }
        },
        { traceparent: Array.isArray(traceparent) ? traceparent[0] : traceparent, kind: SpanKind.SERVER },
      );
    },
  });
}

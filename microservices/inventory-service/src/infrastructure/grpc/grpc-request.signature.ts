import type { Metadata } from '@grpc/grpc-js';
import { type RequestContext, verifyInternalRequest } from '@haat/tenant';

/**
 * The body a gRPC caller signs: `JSON.stringify` of the request with every top-level field of
 * the proto message, in declaration order, under its proto name, as the server decodes it
 * (defaults filled, nested messages as objects, unset messages as null). The server rebuilds it
 * from the decoded message, so field order or omitted defaults on the caller's side never break
 * a signature. The same convention as tenant-service and the gateway's gRPC bridge.
 */
export function canonicalGrpcBody(fields: readonly string[], request: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(fields.map((f) => [f, request[f]])));
}

/** The signed path of a method: `/haat.inventory.v1.Inventory/Reserve`, method `POST`. */
export function grpcSignedPath(service: string, method: string): string {
  return `/${service}/${method}`;
}

function metadataHeaders(metadata: Metadata): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata.getMap())) {
    headers[key] = typeof value === 'string' ? value : value.toString('utf8');
  }
  return headers;
}

/**
 * Verifies the internal signature carried in gRPC metadata (the same `x-haat-*` headers as HTTP)
 * over `POST`, the method's path and the canonical body; returns the signed context.
 */
export function verifyGrpcCall(input: {
  metadata: Metadata;
  path: string;
  body: string;
  secrets: readonly string[];
}): RequestContext {
  return verifyInternalRequest({
    method: 'POST',
    path: input.path,
    body: input.body,
    headers: metadataHeaders(input.metadata),
    secrets: input.secrets,
  });
}

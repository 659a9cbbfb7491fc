import type { Metadata } from '@grpc/grpc-js';
import { type RequestContext, verifyInternalRequest } from '@haat/tenant';

/**
 * The body a gRPC caller signs: `JSON.stringify` of the request with every field of the proto
 * message, in declaration order, under its proto name, int64 as a JSON number:
 * `{"host":"demo.localhost"}`, `{"tenant_id":"…","resource":"products","current":3,"adding":1}`.
 * The server rebuilds it from the decoded message, so field order or omitted defaults on the
 * caller's side never break a signature.
 */
export function canonicalGrpcBody(fields: readonly string[], request: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(fields.map((f) => [f, request[f]])));
}

/** The signed path of a method: `/haat.tenant.v1.TenantDirectory/ResolveHost`, method `POST`. */
export function grpcSignedPath(service: string, method: string): string {
  return `/${service}/${method}`;
}

/** The call's metadata as the header bag `verifyInternalRequest` reads (first value of each key). */
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

import { InternalError } from '@haat/common';
import { protoPath } from '@haat/contracts';
import { type Options, loadSync } from '@grpc/proto-loader';
import { z } from 'zod';

/**
 * How a Haat gRPC server decodes a request to rebuild the body it verifies the signature over
 * (tenant-service `grpc-request.signature.ts`): proto field names, int64 as numbers, defaults.
 */
const CANONICAL_LOADER_OPTIONS: Options = {
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
};

const FieldsSchema = z.object({ field: z.array(z.object({ name: z.string() })) });

/** Turns a serialised request into the canonical body both sides sign over. */
export type CanonicalBody = (request: Buffer) => string;

/**
 * The canonical body of a gRPC request: `JSON.stringify` of every top-level field of the request
 * message in declaration order, under its proto name, as the server decodes it — e.g.
 * `{"host":"demo.localhost"}` or `{"tenant_id":"…","resource":"products","current":3,"adding":1}`.
 * Computed from the bytes actually sent, so it matches the server's whatever JSON the client
 * wrote (key order, omitted defaults, camelCase).
 */
export function canonicalBodyOf(protoFile: string, fullName: string): CanonicalBody {
  const [service, method] = fullName.split('/');
  const definition =
    service && method ? loadSync(protoPath(protoFile), CANONICAL_LOADER_OPTIONS)[service] : undefined;
  const methodDefinition =
    definition && method && method in definition
      ? (definition as Record<string, unknown>)[method]
      : undefined;
  const parsed = z
    .object({
      requestDeserialize: z.custom<(bytes: Buffer) => object>((v) => typeof v === 'function'),
      requestType: z.object({ type: FieldsSchema }),
    })
    .safeParse(methodDefinition);
  if (!parsed.success) {
    throw new InternalError('GATEWAY_RPC_METHOD_UNKNOWN', `${fullName} is not a method of ${protoFile}`, {
      protoFile,
    });
  }
  const fields = parsed.data.requestType.type.field.map((f) => f.name);
  const decode = parsed.data.requestDeserialize;
  return (request) => {
    const decoded = decode(request) as Record<string, unknown>;
    return JSON.stringify(Object.fromEntries(fields.map((f) => [f, decoded[f]])));
  };
}

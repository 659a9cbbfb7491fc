import type { ServiceDefinition as GrpcServiceDefinition } from '@grpc/grpc-js';
import { loadSync, type MethodDefinition } from '@grpc/proto-loader';
import { protoPath } from '@haat/contracts';
import { z } from 'zod';

export const COMMISSIONS_SERVICE = 'haat.vendor.v1.Commissions';

/**
 * How messages decode: proto field names as written (`line_id`), every field present with its
 * proto3 default. The canonical body a caller signs uses the same form.
 */
export const PROTO_LOADER_OPTIONS = {
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
} as const;

const DescriptorSchema = z.object({ field: z.array(z.object({ name: z.string() })) });

export interface CommissionsDefinition {
  service: GrpcServiceDefinition;
  /** `Resolve`'s request field names in declaration order: the canonical body's keys. */
  resolveFields: readonly string[];
}

/** Loads `Commissions` from `libs/contracts/proto/vendor.proto`. */
export function loadCommissionsDefinition(): CommissionsDefinition {
  const pkg = loadSync(protoPath('vendor.proto'), PROTO_LOADER_OPTIONS);
  const service = pkg[COMMISSIONS_SERVICE] as Record<string, MethodDefinition<object, object>> | undefined;
  const resolve = service?.Resolve;
  if (!service || !resolve) throw new Error(`${COMMISSIONS_SERVICE}/Resolve is not in vendor.proto`);
  return {
    service: service as GrpcServiceDefinition,
    resolveFields: DescriptorSchema.parse(resolve.requestType.type).field.map((f) => f.name),
  };
}

import type { ServiceDefinition as GrpcServiceDefinition } from '@grpc/grpc-js';
import { loadSync, type MethodDefinition } from '@grpc/proto-loader';
import { protoPath } from '@haat/contracts';
import { z } from 'zod';

export const TENANT_DIRECTORY_SERVICE = 'haat.tenant.v1.TenantDirectory';
export const TENANT_DIRECTORY_METHODS = ['ResolveHost', 'CheckLimit'] as const;
export type TenantDirectoryMethod = (typeof TENANT_DIRECTORY_METHODS)[number];

/**
 * How messages decode: proto field names as written (`tenant_id`), int64 as JS numbers, every
 * field present with its proto3 default. The canonical body a caller signs uses the same form.
 */
export const PROTO_LOADER_OPTIONS = {
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
} as const;

const DescriptorSchema = z.object({ field: z.array(z.object({ name: z.string() })) });

export interface TenantDirectoryDefinition {
  service: GrpcServiceDefinition;
  /** Each method's request field names in proto declaration order: the canonical body's keys. */
  requestFields: Record<TenantDirectoryMethod, readonly string[]>;
}

/** Loads `TenantDirectory` from `libs/contracts/proto/tenant.proto`. */
export function loadTenantDirectory(): TenantDirectoryDefinition {
  const pkg = loadSync(protoPath('tenant.proto'), PROTO_LOADER_OPTIONS);
  const service = pkg[TENANT_DIRECTORY_SERVICE] as
    Record<string, MethodDefinition<object, object>> | undefined;
  if (!service) throw new Error(`${TENANT_DIRECTORY_SERVICE} is not in tenant.proto`);
  const fieldsOf = (method: TenantDirectoryMethod): string[] => {
    const def = service[method];
    if (!def) throw new Error(`${TENANT_DIRECTORY_SERVICE}/${method} is not in tenant.proto`);
    return DescriptorSchema.parse(def.requestType.type).field.map((f) => f.name);
  };
  return {
    service: service as GrpcServiceDefinition,
    requestFields: { ResolveHost: fieldsOf('ResolveHost'), CheckLimit: fieldsOf('CheckLimit') },
  };
}

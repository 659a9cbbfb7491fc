import type { ServiceDefinition as GrpcServiceDefinition } from '@grpc/grpc-js';
import { loadSync, type MethodDefinition } from '@grpc/proto-loader';
import { protoPath } from '@haat/contracts';
import { z } from 'zod';

export const INVENTORY_SERVICE = 'haat.inventory.v1.Inventory';
export const INVENTORY_METHODS = ['CheckStock', 'Reserve'] as const;
export type InventoryMethod = (typeof INVENTORY_METHODS)[number];

/**
 * How messages decode: proto field names as written (`order_id`), 64-bit numbers as JS numbers,
 * every field present with its proto3 default. The canonical body a caller signs uses the same form.
 */
export const PROTO_LOADER_OPTIONS = {
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
} as const;

const DescriptorSchema = z.object({ field: z.array(z.object({ name: z.string() })) });

export interface InventoryDefinition {
  service: GrpcServiceDefinition;
  /** Each method's request field names in declaration order: the canonical body's keys. */
  requestFields: Record<InventoryMethod, readonly string[]>;
}

/** Loads `Inventory` from `libs/contracts/proto/inventory.proto`. */
export function loadInventoryDefinition(): InventoryDefinition {
  const pkg = loadSync(protoPath('inventory.proto'), PROTO_LOADER_OPTIONS);
  const service = pkg[INVENTORY_SERVICE] as Record<string, MethodDefinition<object, object>> | undefined;
  if (!service) throw new Error(`${INVENTORY_SERVICE} is not in inventory.proto`);
  const fieldsOf = (method: InventoryMethod): string[] => {
    const def = service[method];
    if (!def) throw new Error(`${INVENTORY_SERVICE}/${method} is not in inventory.proto`);
    return DescriptorSchema.parse(def.requestType.type).field.map((f) => f.name);
  };
  return {
    service: service as GrpcServiceDefinition,
    requestFields: { CheckStock: fieldsOf('CheckStock'), Reserve: fieldsOf('Reserve') },
  };
}

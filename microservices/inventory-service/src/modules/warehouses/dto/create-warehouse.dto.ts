import { z } from 'zod';
import { WarehouseAddressSchema, WarehouseCodeSchema, WarehouseLocationSchema } from './warehouse.dto.js';

/**
 * `POST /v1/warehouses`. `vendorId` names the owning vendor: a vendor's people may leave it out
 * when they work for one vendor; marketplace staff leave it out for the marketplace's own.
 */
export const CreateWarehouseSchema = z.strictObject({
  code: WarehouseCodeSchema,
  name: z.string().trim().min(1).max(120),
  vendorId: z.string().uuid().nullable().optional(),
  address: WarehouseAddressSchema,
  location: WarehouseLocationSchema.nullable().optional(),
  active: z.boolean().default(true),
});
export type CreateWarehouseInput = z.output<typeof CreateWarehouseSchema>;

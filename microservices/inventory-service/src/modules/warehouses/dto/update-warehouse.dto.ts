import { z } from 'zod';
import { WarehouseAddressSchema, WarehouseLocationSchema } from './warehouse.dto.js';

/** `PATCH /v1/warehouses/:id`: name, address, location (null clears it) or the active flag. */
export const UpdateWarehouseSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    address: WarehouseAddressSchema.optional(),
    location: WarehouseLocationSchema.nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'must change at least one field');
export type UpdateWarehouseInput = z.output<typeof UpdateWarehouseSchema>;

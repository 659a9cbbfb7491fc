import { PageQuerySchema } from '@haat/common';
import { z } from 'zod';

/** `GET /v1/warehouses?vendorId=&active=&limit=&cursor=`. */
export const ListWarehousesQuerySchema = PageQuerySchema.extend({
  vendorId: z.string().uuid().optional(),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
}).strict();
export type ListWarehousesQuery = z.output<typeof ListWarehousesQuerySchema>;

import { PageQuerySchema } from '@haat/common';
import { z } from 'zod';
import { VENDOR_STATUSES } from '../vendors.schema.js';

/** `GET /v1/vendors?status=&limit=&cursor=`. */
export const ListVendorsQuerySchema = PageQuerySchema.extend({
  status: z.enum(VENDOR_STATUSES).optional(),
}).strict();
export type ListVendorsQuery = z.output<typeof ListVendorsQuerySchema>;

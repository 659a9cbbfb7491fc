import { PageQuerySchema } from '@haat/common';
import { z } from 'zod';
import { TENANT_STATUSES } from '../tenants.schema.js';

/** `GET /v1/platform/tenants?status=&limit=&cursor=`. */
export const ListTenantsQuerySchema = PageQuerySchema.extend({
  status: z.enum(TENANT_STATUSES).optional(),
}).strict();
export type ListTenantsQuery = z.output<typeof ListTenantsQuerySchema>;

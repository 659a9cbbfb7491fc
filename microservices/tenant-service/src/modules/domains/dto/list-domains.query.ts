import { PageQuerySchema } from '@haat/common';
import type { z } from 'zod';

/** `GET /v1/tenant/domains?limit=&cursor=`. */
export const ListDomainsQuerySchema = PageQuerySchema.strict();
export type ListDomainsQuery = z.output<typeof ListDomainsQuerySchema>;

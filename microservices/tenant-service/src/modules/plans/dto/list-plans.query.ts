import { PageQuerySchema } from '@haat/common';
import type { z } from 'zod';

/** `GET /v1/platform/plans?limit=&cursor=`. */
export const ListPlansQuerySchema = PageQuerySchema.strict();
export type ListPlansQuery = z.output<typeof ListPlansQuerySchema>;

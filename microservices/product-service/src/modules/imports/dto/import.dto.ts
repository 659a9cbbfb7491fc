import { IdSchema, PageQuerySchema } from '@haat/common';
import { z } from 'zod';
import { IMPORT_STATUSES } from '../imports.schema.js';

export const CreateImportSchema = z.strictObject({
  fileName: z.string().trim().min(1).max(200).optional(),
});

export const ImportIdParamsSchema = z.object({ id: IdSchema });

/** The query of a signed upload URL. */
export const UploadQuerySchema = z.object({
  tenant: IdSchema,
  expires: z.coerce.number().int().positive(),
  signature: z.string().max(128),
});

export const ImportErrorsQuerySchema = PageQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(1_000).default(100),
});

export const RowErrorSchema = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  sku: z.string().nullable(),
});

export const ImportViewSchema = z.object({
  id: z.string().uuid(),
  status: z.enum(IMPORT_STATUSES),
  fileName: z.string().nullable(),
  progress: z.object({
    bytesRead: z.number().int(),
    bytesTotal: z.number().int().nullable(),
    /** 0–100 by bytes read; 100 once completed. */
    percent: z.number(),
    rowsProcessed: z.number().int(),
  }),
  rows: z.object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    failed: z.number().int(),
  }),
  /** Why the whole import failed (a missing column, an unreadable file). */
  error: z.string().nullable(),
  /** The first row errors in file order; all of them at `GET …/imports/:id/errors`. */
  errors: z.array(RowErrorSchema),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ImportView = z.infer<typeof ImportViewSchema>;

export const CreatedImportSchema = ImportViewSchema.extend({
  /** Where to PUT the CSV file (`content-type: text/csv`); relative to the public host. */
  upload: z.object({
    method: z.literal('PUT'),
    url: z.string(),
    expiresAt: z.string(),
    maxBytes: z.number().int(),
  }),
});

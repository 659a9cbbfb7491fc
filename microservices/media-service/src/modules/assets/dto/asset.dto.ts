import { IdSchema, PageQuerySchema } from '@haat/common';
import { z } from 'zod';
import { ASSET_KINDS, ASSET_STATUSES, RENDITION_ROLES } from '../assets.schema.js';

export const PurposeSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'lower-case words joined by hyphens')
  .default('general');

export const AssetIdParamsSchema = z.object({ id: IdSchema });
export const ListAssetsQuerySchema = PageQuerySchema;

export const CreateUploadSchema = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  contentType: z.string().trim().min(3).max(100),
  purpose: PurposeSchema,
});
export type CreateUploadInput = z.output<typeof CreateUploadSchema>;

/** The query of a signed direct-upload or download URL. */
export const SignedUrlQuerySchema = z.object({
  tenant: IdSchema,
  expires: z.coerce.number().int().positive(),
  signature: z.string().max(128),
});

export const StoreDocumentQuerySchema = z.object({
  fileName: z.string().trim().min(1).max(200).optional(),
  purpose: PurposeSchema,
});

export const PublicFileParamsSchema = z.object({
  tenant: IdSchema,
  asset: IdSchema,
  name: z.string().regex(/^[0-9a-f]{16}-[a-z0-9]+\.(?:webp|avif|jpg|mp4)$/),
});

export const RenditionViewSchema = z.object({
  role: z.enum(RENDITION_ROLES),
  url: z.string(),
  contentType: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  bytes: z.number().int(),
});

export const AssetViewSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(ASSET_KINDS),
  status: z.enum(ASSET_STATUSES),
  purpose: z.string(),
  contentType: z.string().nullable(),
  fileName: z.string().nullable(),
  bytes: z.number().int().nullable(),
  sha256: z.string().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  /** Why processing gave up. */
  error: z.string().nullable(),
  /** Responsive images (every width in AVIF, WebP, JPEG) or the transcoded MP4. */
  renditions: z.array(RenditionViewSchema),
  poster: RenditionViewSchema.nullable(),
  createdAt: z.string(),
  readyAt: z.string().nullable(),
});
export type AssetView = z.infer<typeof AssetViewSchema>;

export const SignedUrlSchema = z.object({ url: z.string(), expiresAt: z.string() });

export const CreatedUploadSchema = z.object({
  asset: AssetViewSchema,
  upload: SignedUrlSchema.extend({ method: z.literal('PUT'), maxBytes: z.number().int() }),
});

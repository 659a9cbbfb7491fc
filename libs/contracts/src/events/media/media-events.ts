import { z } from 'zod';
import { defineEvent } from '../define-event.js';

/** What an asset is: a picture, a video, or a stored document (report PDF, label, invoice). */
export const MediaKindSchema = z.enum(['image', 'video', 'file']);

/** One generated rendition: a responsive image width in one format, the transcoded video, a poster. */
export const MediaRenditionSchema = z.object({
  /** `image/webp`, `image/avif`, `image/jpeg`, `video/mp4`. */
  contentType: z.string(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  bytes: z.number().int().nonnegative(),
  /** Content-hashed, immutable (CDN) URL. */
  url: z.string(),
});

/** An upload was stored and waits for processing (variants, transcoding). */
export const MediaAssetUploadedV1 = defineEvent(
  'media.asset-uploaded.v1',
  z.object({
    assetId: z.string().uuid(),
    kind: MediaKindSchema,
    contentType: z.string(),
    bytes: z.number().int().nonnegative(),
  }),
);

/** An asset is ready: its renditions exist and their URLs can be used. */
export const MediaAssetReadyV1 = defineEvent(
  'media.asset-ready.v1',
  z.object({
    assetId: z.string().uuid(),
    kind: MediaKindSchema,
    contentType: z.string(),
    width: z.number().int().positive().nullable(),
    height: z.number().int().positive().nullable(),
    durationMs: z.number().int().nonnegative().nullable(),
    renditions: z.array(MediaRenditionSchema),
    poster: MediaRenditionSchema.nullable(),
  }),
);

/** Processing gave up on an asset (undecodable image, unreadable video). */
export const MediaAssetFailedV1 = defineEvent(
  'media.asset-failed.v1',
  z.object({ assetId: z.string().uuid(), reason: z.string() }),
);

/** An asset and its renditions were deleted. */
export const MediaAssetDeletedV1 = defineEvent(
  'media.asset-deleted.v1',
  z.object({ assetId: z.string().uuid() }),
);

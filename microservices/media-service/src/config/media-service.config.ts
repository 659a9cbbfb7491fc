import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bool, duration, list, type PlatformConfig } from '@haat/config';
import { z } from 'zod';

const bytes = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** media-service's own variables, merged with the platform's by `startService`. */
export const MediaServiceConfigSchema = z.object({
  /** `local`: files under MEDIA_LOCAL_DIR (embedded default); `s3`: an S3-compatible bucket. */
  MEDIA_STORAGE: z.enum(['local', 's3']).default('local'),
  MEDIA_LOCAL_DIR: z.string().min(1).default(join(tmpdir(), 'haat-media')),
  /** Where scratch files of processing live (uploads in flight, video transcodes). */
  MEDIA_WORK_DIR: z.string().min(1).default(join(tmpdir(), 'haat-media-work')),
  /**
   * Base of public rendition URLs: a CDN origin (`https://cdn.example.com`) or, by default, this
   * service's file route through the gateway.
   */
  MEDIA_PUBLIC_BASE_URL: z.string().min(1).default('/api/v1/media/files'),
  /** Prefix of the public API in signed URLs handed to clients (`/api` behind the gateway). */
  PUBLIC_API_PREFIX: z
    .string()
    .regex(/^(\/[A-Za-z0-9._~-]+)*$/, 'must be empty or a path like /api')
    .default('/api'),
  /** Largest multipart upload (buffered, signed by the gateway); bigger answers 413. */
  MEDIA_MAX_UPLOAD_BYTES: bytes(25 * 1024 * 1024),
  /** Largest upload through a signed direct-upload URL (streamed to disk). */
  MEDIA_MAX_DIRECT_UPLOAD_BYTES: bytes(500 * 1024 * 1024),
  /** Largest file another service stores (report PDFs, labels, invoices). */
  MEDIA_MAX_FILE_BYTES: bytes(50 * 1024 * 1024),
  /** Responsive widths, in pixels; never wider than the original. */
  MEDIA_IMAGE_WIDTHS: list(['320', '640', '1024', '1600']).pipe(
    z
      .array(
        z
          .string()
          .regex(/^\d{2,4}$/, 'widths are whole pixels')
          .transform(Number),
      )
      .min(1)
      .refine((ws) => ws.every((w) => w >= 16 && w <= 8192), 'widths are between 16 and 8192'),
  ),
  /** Images above this many pixels are refused (decompression bombs). */
  MEDIA_MAX_IMAGE_PIXELS: z.coerce.number().int().positive().default(100_000_000),
  MEDIA_UPLOAD_URL_TTL: duration(15 * 60_000),
  MEDIA_DOWNLOAD_URL_TTL: duration(15 * 60_000),
  FFMPEG_PATH: z.string().min(1).default('ffmpeg'),
  FFPROBE_PATH: z.string().min(1).default('ffprobe'),
  /** Longest a video transcode may run. */
  MEDIA_TRANSCODE_TIMEOUT: duration(10 * 60_000),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  /** An S3-compatible endpoint (MinIO, Ceph, …); AWS when unset. */
  S3_ENDPOINT: z.string().url().optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: bool(false),
});

export type MediaServiceConfig = PlatformConfig & z.output<typeof MediaServiceConfigSchema>;

import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import type { AssetKind } from './assets.schema.js';
import { MEDIA_ERRORS, UnsupportedMediaError } from './media.errors.js';

/** What a file's bytes say it is. */
export interface SniffedType {
  kind: AssetKind;
  contentType: string;
  extension: string;
}

const ACCEPTED: Record<string, AssetKind> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'image/gif': 'image',
  'image/avif': 'image',
  'image/heic': 'image',
  'image/heif': 'image',
  'image/tiff': 'image',
  'video/mp4': 'video',
  'video/quicktime': 'video',
  'video/webm': 'video',
  'video/matroska': 'video',
  'video/x-m4v': 'video',
  'video/3gpp': 'video',
  'video/mpeg': 'video',
  'video/vnd.avi': 'video',
  'application/pdf': 'file',
};

/** The broad kind a client's claim (content type or file name) points at. */
export function claimedKind(
  contentType: string | undefined,
  fileName: string | undefined,
): AssetKind | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('video/')) return 'video';
  if (type === 'application/pdf') return 'file';
  const ext = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext && ['jpg', 'jpeg', 'png', 'webp', 'gif', 'avif', 'heic', 'tif', 'tiff'].includes(ext))
    return 'image';
  if (ext && ['mp4', 'mov', 'webm', 'mkv', 'm4v', '3gp', 'mpg', 'mpeg', 'avi'].includes(ext)) return 'video';
  if (ext === 'pdf') return 'file';
  return undefined;
}

function decide(
  found: { mime: string; ext: string } | undefined,
  claimed: AssetKind | undefined,
): SniffedType {
  const kind = found ? ACCEPTED[found.mime] : undefined;
  if (!found || !kind) {
    throw new UnsupportedMediaError(
      claimed ? MEDIA_ERRORS.contentMismatch : MEDIA_ERRORS.unsupportedType,
      claimed
        ? `The file's content is not a supported ${claimed}`
        : 'Only images (JPEG, PNG, WebP, GIF, AVIF, HEIC, TIFF), videos (MP4, MOV, WebM, MKV, 3GP, MPEG, AVI) and PDF files are accepted',
      { detected: found?.mime ?? null },
    );
  }
  if (claimed && claimed !== kind) {
    throw new UnsupportedMediaError(
      MEDIA_ERRORS.contentMismatch,
      `The file claims to be a ${claimed} but is a ${kind}`,
      {
        detected: found.mime,
      },
    );
  }
  return { kind, contentType: found.mime, extension: found.ext };
}

/**
 * The file's real type from its magic bytes, never from its name or declared type: a `.jpg`
 * that is not an image is refused (415). `claimed` is what the client said it uploads.
 */
export async function sniffBuffer(bytes: Uint8Array, claimed: AssetKind | undefined): Promise<SniffedType> {
  return decide(await fileTypeFromBuffer(bytes), claimed);
}

export async function sniffFile(path: string, claimed: AssetKind | undefined): Promise<SniffedType> {
  return decide(await fileTypeFromFile(path), claimed);
}

import sharp, { type OutputInfo, type Sharp } from 'sharp';

export type ImageFormat = 'avif' | 'webp' | 'jpeg';

export interface ImageOutput {
  format: ImageFormat;
  contentType: string;
  extension: string;
  width: number;
  height: number;
  bytes: Buffer;
}

export interface ImageVariants {
  width: number;
  height: number;
  /** The source re-encoded upright with every metadata block (EXIF, GPS, XMP) dropped. */
  cleanSource: { bytes: Buffer; contentType: string; extension: string };
  renditions: ImageOutput[];
}

/** An upload sharp cannot decode (corrupt, truncated, a bomb past the pixel limit). */
export class UndecodableImageError extends Error {}

const FORMATS: { format: ImageFormat; contentType: string; extension: string }[] = [
  { format: 'avif', contentType: 'image/avif', extension: 'avif' },
  { format: 'webp', contentType: 'image/webp', extension: 'webp' },
  { format: 'jpeg', contentType: 'image/jpeg', extension: 'jpg' },
];

/** The widths to render: the configured ones, none wider than the original (which then counts as one). */
export function targetWidths(configured: readonly number[], originalWidth: number): number[] {
  return [...new Set(configured.map((w) => Math.min(w, originalWidth)))].sort((a, b) => a - b);
}

async function encode(pipeline: Sharp, format: ImageFormat): Promise<{ data: Buffer; info: OutputInfo }> {
  switch (format) {
    case 'avif':
      return pipeline.avif({ quality: 50, effort: 2 }).toBuffer({ resolveWithObject: true });
    case 'webp':
      return pipeline.webp({ quality: 78 }).toBuffer({ resolveWithObject: true });
    case 'jpeg':
      // JPEG has no alpha: transparent areas become white instead of black.
      return pipeline
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 80, mozjpeg: true })
        .toBuffer({ resolveWithObject: true });
  }
}

/**
 * Responsive variants of an image with sharp: each width once resized (upright, by its EXIF
 * orientation), then encoded as AVIF, WebP and a JPEG fallback. sharp writes no metadata unless
 * asked, so EXIF and GPS never reach a rendition; the source is re-encoded the same way.
 */
export async function imageVariants(
  input: Buffer,
  widths: readonly number[],
  maxPixels: number,
): Promise<ImageVariants> {
  try {
    const upright = sharp(input, { limitInputPixels: maxPixels, failOn: 'error' }).rotate();
    const { data: raw, info } = await upright.clone().raw().toBuffer({ resolveWithObject: true });
    const source = (channels: 1 | 2 | 3 | 4) =>
      sharp(raw, { raw: { width: info.width, height: info.height, channels } });
    const channels = info.channels as 1 | 2 | 3 | 4;
    const renditions: ImageOutput[] = [];
    for (const width of targetWidths(widths, info.width)) {
      const resized = await source(channels).resize({ width }).raw().toBuffer({ resolveWithObject: true });
      for (const f of FORMATS) {
        const pipeline = sharp(resized.data, {
          raw: {
            width: resized.info.width,
            height: resized.info.height,
            channels: resized.info.channels as 1 | 2 | 3 | 4,
          },
        });
        const out = await encode(pipeline, f.format);
        renditions.push({ ...f, width: out.info.width, height: out.info.height, bytes: out.data });
      }
    }
    const alpha = info.channels === 4 || info.channels === 2;
    const clean = alpha
      ? { bytes: await source(channels).png().toBuffer(), contentType: 'image/png', extension: 'png' }
      : {
          // Plain libjpeg: mozjpeg's smaller output is not worth seconds on a private 12 MP archive copy.
          bytes: await source(channels).jpeg({ quality: 92 }).toBuffer(),
          contentType: 'image/jpeg',
          extension: 'jpg',
        };
    return { width: info.width, height: info.height, cleanSource: clean, renditions };
  } catch (err) {
    throw new UndecodableImageError(err instanceof Error ? err.message : 'The image could not be decoded');
  }
}

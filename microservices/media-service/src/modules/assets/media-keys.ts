import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** The folder of an asset's files: `<tenantId>/<assetId>/`. */
export function assetPrefix(tenantId: string, assetId: string): string {
  return `${tenantId}/${assetId}/`;
}

/** The private source file's key. */
export function sourceKey(tenantId: string, assetId: string, extension: string): string {
  return `${assetPrefix(tenantId, assetId)}source.${extension}`;
}

/** SHA-256 of bytes in memory, hex. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** SHA-256 of a file, read as a stream, hex. */
export async function fileHash(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * A rendition's key, named by its content hash (`<sha256:16>-w640.webp`): a new file always
 * has a new URL, so URLs can be cached for a year as immutable.
 */
export function renditionKey(
  tenantId: string,
  assetId: string,
  sha256: string,
  label: string,
  extension: string,
): string {
  return `${assetPrefix(tenantId, assetId)}${sha256.slice(0, 16)}-${label}.${extension}`;
}

/** A key the public file route may serve: a rendition (hash-named), never a source. */
export const PUBLIC_KEY_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/[0-9a-f]{16}-[a-z0-9]+\.(?:webp|avif|jpg|mp4)$/;

const TYPES: Record<string, string> = {
  webp: 'image/webp',
  avif: 'image/avif',
  jpg: 'image/jpeg',
  mp4: 'video/mp4',
};

/** The content type of a rendition by its extension. */
export function renditionContentType(key: string): string {
  return TYPES[key.slice(key.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
}

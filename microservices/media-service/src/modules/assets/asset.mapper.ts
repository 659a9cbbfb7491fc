import type { AssetView } from './dto/asset.dto.js';
import type { AssetRow, RenditionRow } from './assets.schema.js';

/** Public URL of a rendition key below the CDN base. */
export function publicUrl(base: string, key: string): string {
  return `${base.replace(/\/+$/, '')}/${key}`;
}

export function toAssetView(row: AssetRow, renditions: readonly RenditionRow[], base: string): AssetView {
  const view = (r: RenditionRow) => ({
    role: r.role,
    url: publicUrl(base, r.key),
    contentType: r.contentType,
    width: r.width,
    height: r.height,
    bytes: r.bytes,
  });
  const poster = renditions.find((r) => r.role === 'poster');
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    purpose: row.purpose,
    contentType: row.contentType,
    fileName: row.fileName,
    bytes: row.bytes,
    sha256: row.sha256,
    width: row.width,
    height: row.height,
    durationMs: row.durationMs,
    error: row.error,
    renditions: renditions.filter((r) => r.role !== 'poster').map(view),
    poster: poster ? view(poster) : null,
    createdAt: row.createdAt.toISOString(),
    readyAt: row.readyAt?.toISOString() ?? null,
  };
}

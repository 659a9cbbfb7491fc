import {
  MediaAssetDeletedV1,
  MediaAssetFailedV1,
  MediaAssetReadyV1,
  MediaAssetUploadedV1,
} from '@haat/contracts';
import type { EventEnvelope } from '@haat/contracts';
import { envelope } from '@haat/messaging';
import type { RequestContext } from '@haat/tenant';
import type { AssetView } from './dto/asset.dto.js';
import type { AssetRow } from './assets.schema.js';

type Ctx = Pick<RequestContext, 'tenantId' | 'traceparent'>;
const aggregate = (id: string) => ({ aggregateType: 'media-asset', aggregateId: id });

export function assetUploaded(ctx: Ctx, a: AssetRow): EventEnvelope {
  return envelope(MediaAssetUploadedV1, ctx, {
    ...aggregate(a.id),
    payload: { assetId: a.id, kind: a.kind, contentType: a.contentType ?? '', bytes: a.bytes ?? 0 },
  });
}

export function assetReady(ctx: Ctx, view: AssetView): EventEnvelope {
  const rendition = (r: AssetView['renditions'][number]) => ({
    contentType: r.contentType,
    width: r.width,
    height: r.height,
    bytes: r.bytes,
    url: r.url,
  });
  return envelope(MediaAssetReadyV1, ctx, {
    ...aggregate(view.id),
    payload: {
      assetId: view.id,
      kind: view.kind,
      contentType: view.contentType ?? '',
      width: view.width,
      height: view.height,
      durationMs: view.durationMs,
      renditions: view.renditions.map(rendition),
      poster: view.poster ? rendition(view.poster) : null,
    },
  });
}

export function assetFailed(ctx: Ctx, id: string, reason: string): EventEnvelope {
  return envelope(MediaAssetFailedV1, ctx, { ...aggregate(id), payload: { assetId: id, reason } });
}

export function assetDeleted(ctx: Ctx, id: string): EventEnvelope {
  return envelope(MediaAssetDeletedV1, ctx, { ...aggregate(id), payload: { assetId: id } });
}

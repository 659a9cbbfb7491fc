import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Tx } from '@haat/database';
import { addToOutbox } from '@haat/messaging';
import { SERVICE_CONFIG } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import type { MediaServiceConfig } from '../../config/media-service.config.js';
import { FfmpegRunner, UnreadableVideoError } from '../../infrastructure/ffmpeg/ffmpeg.runner.js';
import { MEDIA_STORAGE, type MediaStorage } from '../../infrastructure/storage/media.storage.js';
import { assetFailed, assetReady } from '../assets/assets.events.js';
import { AssetsRepository } from '../assets/assets.repository.js';
import type { AssetRow, mediaRenditions } from '../assets/assets.schema.js';
import { AssetsService } from '../assets/assets.service.js';
import { contentHash, fileHash, renditionKey, sourceKey } from '../assets/media-keys.js';
import { imageVariants, UndecodableImageError } from './image-variants.js';
import { videoRenditions } from './video-renditions.js';

type NewRendition = typeof mediaRenditions.$inferInsert;

/**
 * Turns an uploaded image or video into its renditions, stores them, and marks the asset ready
 * (`media.asset-ready.v1`) — or failed (`media.asset-failed.v1`) when the file cannot be
 * decoded, which no retry would change. Storage or database trouble throws, so the event is
 * delivered again; a repeat for an asset no longer `processing` does nothing.
 */
@Injectable()
export class AssetProcessor {
  private readonly logger = new Logger('AssetProcessor');
  private readonly ffmpeg: FfmpegRunner;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: MediaServiceConfig,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    private readonly repo: AssetsRepository,
    private readonly assets: AssetsService,
  ) {
    this.ffmpeg = new FfmpegRunner(config.FFMPEG_PATH, config.FFPROBE_PATH, config.MEDIA_TRANSCODE_TIMEOUT);
  }

  async process(ctx: TenantContext, assetId: string, tx: Tx): Promise<void> {
    const asset = await this.repo.findById(tx, assetId);
    if (!asset || asset.status !== 'processing' || !asset.sourceKey) return;
    try {
      const done =
        asset.kind === 'image'
          ? await this.image(ctx, asset)
          : asset.kind === 'video'
            ? await this.video(ctx, asset)
            : undefined;
      if (!done) return;
      await this.repo.addRenditions(tx, done.renditions);
      const ready = await this.repo.transition(tx, assetId, ['processing'], 'ready', {
        ...done.facts,
        readyAt: new Date(),
        error: null,
      });
      if (ready) await addToOutbox(tx, assetReady(ctx, await this.assets.view(tx, ready)));
    } catch (err) {
      if (!(err instanceof UndecodableImageError || err instanceof UnreadableVideoError)) throw err;
      this.logger.warn({ assetId, reason: err.message }, 'media processing gave up');
      const reason = asset.kind === 'image' ? 'The image could not be decoded' : err.message;
      const failed = await this.repo.transition(tx, assetId, ['processing'], 'failed', { error: reason });
      if (failed) await addToOutbox(tx, assetFailed(ctx, assetId, reason));
    }
  }

  private async image(ctx: TenantContext, asset: AssetRow) {
    const source = await this.read(asset.sourceKey as string);
    const out = await imageVariants(
      source,
      this.config.MEDIA_IMAGE_WIDTHS,
      this.config.MEDIA_MAX_IMAGE_PIXELS,
    );
    const renditions: NewRendition[] = [];
    for (const r of out.renditions) {
      const key = renditionKey(ctx.tenantId, asset.id, contentHash(r.bytes), `w${r.width}`, r.extension);
      await this.storage.put(key, r.bytes, r.contentType);
      renditions.push({
        tenantId: ctx.tenantId,
        assetId: asset.id,
        key,
        role: 'image',
        contentType: r.contentType,
        width: r.width,
        height: r.height,
        bytes: r.bytes.length,
      });
    }
    // The upload may carry EXIF and GPS: only the cleaned re-encode stays as the source.
    const clean = sourceKey(ctx.tenantId, asset.id, out.cleanSource.extension);
    await this.storage.put(clean, out.cleanSource.bytes, out.cleanSource.contentType);
    if (clean !== asset.sourceKey) await this.storage.remove(asset.sourceKey as string);
    return {
      renditions,
      facts: {
        width: out.width,
        height: out.height,
        sourceKey: clean,
        contentType: out.cleanSource.contentType,
      },
    };
  }

  private async video(ctx: TenantContext, asset: AssetRow) {
    const work = join(this.config.MEDIA_WORK_DIR, `${asset.id}.processing`);
    const input = join(this.config.MEDIA_WORK_DIR, `${asset.id}.source`);
    await mkdir(this.config.MEDIA_WORK_DIR, { recursive: true });
    if (!(await this.storage.download(asset.sourceKey as string, input)))
      throw new Error(`Source of ${asset.id} is missing`);
    try {
      const out = await videoRenditions(this.ffmpeg, input, work);
      try {
        const mp4Key = renditionKey(ctx.tenantId, asset.id, await fileHash(out.mp4.path), 'h264', 'mp4');
        await this.storage.put(mp4Key, { path: out.mp4.path }, 'video/mp4');
        const posterKey = renditionKey(
          ctx.tenantId,
          asset.id,
          contentHash(out.poster.bytes),
          'poster',
          'jpg',
        );
        await this.storage.put(posterKey, out.poster.bytes, 'image/jpeg');
        return {
          renditions: [
            {
              tenantId: ctx.tenantId,
              assetId: asset.id,
              key: mp4Key,
              role: 'video' as const,
              contentType: 'video/mp4',
              width: out.mp4.width,
              height: out.mp4.height,
              bytes: out.mp4.bytes,
            },
            {
              tenantId: ctx.tenantId,
              assetId: asset.id,
              key: posterKey,
              role: 'poster' as const,
              contentType: 'image/jpeg',
              width: out.poster.width,
              height: out.poster.height,
              bytes: out.poster.bytes.length,
            },
          ],
          facts: { width: out.width, height: out.height, durationMs: out.durationMs },
        };
      } finally {
        await out.cleanup();
      }
    } finally {
      await rm(input, { force: true });
    }
  }

  private async read(key: string): Promise<Buffer> {
    const object = await this.storage.get(key);
    if (!object) throw new Error(`Stored file ${key} is missing`);
    const chunks: Buffer[] = [];
    for await (const c of object.stream) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }
}

import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, decodeCursor, newId, NotFoundError, type Page, toPage } from '@haat/common';
import type { Database, DbExecutor, Tx } from '@haat/database';
import { addToOutbox } from '@haat/messaging';
import { DATABASE, SERVICE_CONFIG } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { z } from 'zod';
import type { MediaServiceConfig } from '../../config/media-service.config.js';
import { MEDIA_STORAGE, type MediaStorage } from '../../infrastructure/storage/media.storage.js';
import { toAssetView } from './asset.mapper.js';
import { assetDeleted, assetReady, assetUploaded } from './assets.events.js';
import { AssetsRepository } from './assets.repository.js';
import type { AssetKind, AssetRow } from './assets.schema.js';
import { claimedKind, type SniffedType, sniffBuffer } from './content-sniffer.js';
import type { AssetView } from './dto/asset.dto.js';
import { assetPrefix, sourceKey } from './media-keys.js';
import { MEDIA_ERRORS, UnsupportedMediaError } from './media.errors.js';

const CursorSchema = z.object({ id: z.string().uuid() });

export interface IncomingFile {
  bytes: Buffer;
  fileName: string | undefined;
  declaredType: string | undefined;
  purpose: string;
}

/** Media assets: take a file in, say what became of it, delete it. */
@Injectable()
export class AssetsService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(SERVICE_CONFIG) private readonly config: MediaServiceConfig,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    private readonly repo: AssetsRepository,
  ) {}

  /**
   * Stores an uploaded file whose bytes are in memory (a multipart upload, a generated
   * document). Its type comes from its magic bytes; `only` limits the kinds accepted.
   */
  async ingest(ctx: TenantContext, file: IncomingFile, only?: AssetKind): Promise<AssetView> {
    if (file.bytes.length === 0) throw new ConflictError(MEDIA_ERRORS.emptyFile, 'The file is empty');
    const sniffed = await sniffBuffer(file.bytes, claimedKind(file.declaredType, file.fileName) ?? only);
    if (only && sniffed.kind !== only) {
      throw new UnsupportedMediaError(MEDIA_ERRORS.unsupportedType, `Only ${only} files are accepted here`, {
        detected: sniffed.contentType,
      });
    }
    const id = newId();
    const key = sourceKey(ctx.tenantId, id, sniffed.extension);
    await this.storage.put(key, file.bytes, sniffed.contentType);
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const row = await this.repo.insert(tx, {
        id,
        tenantId: ctx.tenantId,
        kind: sniffed.kind,
        status: 'processing',
        purpose: file.purpose,
        createdBy: ctx.userId,
        fileName: file.fileName ?? null,
      });
      return this.accept(ctx, tx, row, sniffed, key, {
        bytes: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
      });
    });
  }

  /**
   * Records a stored source: an image or video goes to processing (`media.asset-uploaded.v1`),
   * a document is ready at once (`media.asset-ready.v1`).
   */
  async accept(
    ctx: TenantContext,
    tx: Tx,
    row: AssetRow,
    sniffed: SniffedType,
    key: string,
    facts: { bytes: number; sha256: string },
  ): Promise<AssetView> {
    const isFile = sniffed.kind === 'file';
    const updated = await this.repo.transition(tx, row.id, [row.status], isFile ? 'ready' : 'processing', {
      kind: sniffed.kind,
      contentType: sniffed.contentType,
      sourceKey: key,
      bytes: facts.bytes,
      sha256: facts.sha256,
      readyAt: isFile ? new Date() : null,
    });
    if (!updated) throw new ConflictError(MEDIA_ERRORS.alreadyUploaded, 'This asset already has its file');
    const view = toAssetView(updated, [], this.config.MEDIA_PUBLIC_BASE_URL);
    await addToOutbox(tx, isFile ? assetReady(ctx, view) : assetUploaded(ctx, updated));
    return view;
  }

  async get(ctx: TenantContext, id: string): Promise<AssetView> {
    return this.database.withTenant(ctx.tenantId, async (tx) => this.view(tx, await this.mustFind(tx, id)));
  }

  async list(ctx: TenantContext, query: { limit: number; cursor?: string }): Promise<Page<AssetView>> {
    const before = decodeCursor(query.cursor, CursorSchema);
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const rows = await this.repo.list(tx, { beforeId: before?.id, limit: query.limit });
      const renditions = await this.repo.renditionsOf(
        tx,
        rows.map((r) => r.id),
      );
      return toPage(
        rows,
        query.limit,
        (r) => ({ id: r.id }),
        (r) =>
          toAssetView(
            r,
            renditions.filter((x) => x.assetId === r.id),
            this.config.MEDIA_PUBLIC_BASE_URL,
          ),
      );
    });
  }

  /** Deletes the asset, its renditions and its files; `media.asset-deleted.v1` tells its users. */
  async remove(ctx: TenantContext, id: string): Promise<void> {
    await this.database.withTenant(ctx.tenantId, async (tx) => {
      await this.mustFind(tx, id);
      await this.repo.delete(tx, id);
      await addToOutbox(tx, assetDeleted(ctx, id));
    });
    await this.storage.removePrefix(assetPrefix(ctx.tenantId, id));
  }

  async view(tx: DbExecutor, row: AssetRow): Promise<AssetView> {
    return toAssetView(row, await this.repo.renditionsOf(tx, [row.id]), this.config.MEDIA_PUBLIC_BASE_URL);
  }

  async mustFind(tx: DbExecutor, id: string): Promise<AssetRow> {
    const row = await this.repo.findById(tx, id);
    if (!row) throw new NotFoundError(MEDIA_ERRORS.notFound, 'No such media asset', { id });
    return row;
  }
}

import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import {
  ConflictError,
  ForbiddenError,
  newId,
  NotFoundError,
  PayloadTooLargeError,
  UnauthorizedError,
  ValidationError,
} from '@haat/common';
import type { Database } from '@haat/database';
import { DATABASE, SERVICE_CONFIG } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import type { MediaServiceConfig } from '../../config/media-service.config.js';
import { MEDIA_STORAGE, type MediaStorage } from '../../infrastructure/storage/media.storage.js';
import { toAssetView } from './asset.mapper.js';
import { AssetsRepository } from './assets.repository.js';
import type { AssetRow } from './assets.schema.js';
import { AssetsService } from './assets.service.js';
import { claimedKind, sniffFile } from './content-sniffer.js';
import type { AssetView, CreateUploadInput } from './dto/asset.dto.js';
import { sourceKey } from './media-keys.js';
import { MEDIA_ERRORS } from './media.errors.js';
import { signedQuery, verifyUrl } from './url-signature.js';

/**
 * Direct uploads: a signed, expiring URL the client PUTs the file to, streamed to disk (large
 * videos never sit in memory), then checked by its bytes and stored like any upload.
 */
@Injectable()
export class DirectUploadsService {
  private readonly secrets: string[];

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(SERVICE_CONFIG) private readonly config: MediaServiceConfig,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    private readonly repo: AssetsRepository,
    private readonly assets: AssetsService,
  ) {
    this.secrets = [config.INTERNAL_SIGNING_SECRET, ...config.INTERNAL_SIGNING_SECRETS_PREVIOUS];
  }

  async create(ctx: TenantContext, input: CreateUploadInput) {
    const kind = claimedKind(input.contentType, input.fileName);
    if (!kind) {
      throw new ValidationError(
        MEDIA_ERRORS.unsupportedType,
        'Only images, videos and PDF files can be uploaded',
        {
          fields: [{ field: 'contentType', message: 'not an image, video or PDF', code: 'custom' }],
        },
      );
    }
    const id = newId();
    const row = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repo.insert(tx, {
        id,
        tenantId: ctx.tenantId,
        kind,
        status: 'awaiting_upload',
        purpose: input.purpose,
        fileName: input.fileName,
        createdBy: ctx.userId,
      }),
    );
    const expires = Date.now() + this.config.MEDIA_UPLOAD_URL_TTL;
    const query = signedQuery(this.config.INTERNAL_SIGNING_SECRET, {
      action: 'upload',
      tenantId: ctx.tenantId,
      assetId: id,
      expires,
    });
    return {
      asset: toAssetView(row, [], this.config.MEDIA_PUBLIC_BASE_URL),
      upload: {
        method: 'PUT' as const,
        url: `${this.config.PUBLIC_API_PREFIX}/v1/media/uploads/${id}?${query}`,
        expiresAt: new Date(expires).toISOString(),
        maxBytes: this.config.MEDIA_MAX_DIRECT_UPLOAD_BYTES,
      },
    };
  }

  async receive(
    assetId: string,
    grant: { tenant: string; expires: number; signature: string },
    body: Readable,
    declaredLength: number | undefined,
  ): Promise<AssetView> {
    const g = { action: 'upload' as const, tenantId: grant.tenant, assetId, expires: grant.expires };
    if (!verifyUrl(this.secrets, g, grant.signature)) {
      throw new UnauthorizedError(MEDIA_ERRORS.signatureInvalid, 'This upload URL is not valid');
    }
    if (grant.expires < Date.now())
      throw new ForbiddenError(MEDIA_ERRORS.urlExpired, 'This upload URL has expired');
    const max = this.config.MEDIA_MAX_DIRECT_UPLOAD_BYTES;
    if (declaredLength !== undefined && declaredLength > max) throw tooLarge(max);
    const ctx: TenantContext = {
      tenantId: grant.tenant,
      userId: null,
      roles: [],
      permissions: [],
      requestId: `upload-${assetId}`,
    };
    const row = await this.database.withTenant(grant.tenant, (tx) => this.repo.findById(tx, assetId));
    if (!row) throw new NotFoundError(MEDIA_ERRORS.notFound, 'No such media asset', { id: assetId });
    if (row.status !== 'awaiting_upload') throw alreadyUploaded();

    await mkdir(this.config.MEDIA_WORK_DIR, { recursive: true });
    const temp = join(this.config.MEDIA_WORK_DIR, `${assetId}.upload`);
    const hash = createHash('sha256');
    let bytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        hash.update(chunk);
        done(bytes > max ? tooLarge(max) : null, chunk);
      },
    });
    try {
      // `wx`: a second upload racing this one fails here instead of mixing two files.
      await pipeline(body, meter, createWriteStream(temp, { flags: 'wx' }));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw alreadyUploaded();
      await rm(temp, { force: true });
      throw err;
    }
    try {
      if (bytes === 0) throw new ConflictError(MEDIA_ERRORS.emptyFile, 'The file is empty');
      const sniffed = await sniffFile(temp, row.kind);
      const key = sourceKey(grant.tenant, assetId, sniffed.extension);
      await this.storage.put(key, { path: temp }, sniffed.contentType);
      return await this.database.withTenant(grant.tenant, async (tx) => {
        const current = (await this.repo.findById(tx, assetId)) as AssetRow;
        if (current.status !== 'awaiting_upload') throw alreadyUploaded();
        return this.assets.accept(ctx, tx, current, sniffed, key, { bytes, sha256: hash.digest('hex') });
      });
    } finally {
      await rm(temp, { force: true });
    }
  }
}

function alreadyUploaded(): ConflictError {
  return new ConflictError(MEDIA_ERRORS.alreadyUploaded, 'This asset already has its file');
}

function tooLarge(max: number): PayloadTooLargeError {
  return new PayloadTooLargeError(MEDIA_ERRORS.tooLarge, `Uploads are limited to ${max} bytes`, {
    maxBytes: max,
  });
}

import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError } from '@haat/common';
import type { Database } from '@haat/database';
import { DATABASE, SERVICE_CONFIG } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import type { MediaServiceConfig } from '../../config/media-service.config.js';
import { MEDIA_STORAGE, type MediaStorage } from '../../infrastructure/storage/media.storage.js';
import { AssetsService } from './assets.service.js';
import { PUBLIC_KEY_PATTERN, renditionContentType } from './media-keys.js';
import { MEDIA_ERRORS } from './media.errors.js';
import { signedQuery, verifyUrl } from './url-signature.js';

export interface OpenedFile {
  stream: Readable;
  bytes: number;
  contentType: string;
  fileName: string | null;
}

/** Reading files back: public renditions by key, private files through signed, expiring URLs. */
@Injectable()
export class MediaFilesService {
  private readonly secrets: string[];

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(SERVICE_CONFIG) private readonly config: MediaServiceConfig,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    private readonly assets: AssetsService,
  ) {
    this.secrets = [config.INTERNAL_SIGNING_SECRET, ...config.INTERNAL_SIGNING_SECRETS_PREVIOUS];
  }

  /** A rendition by its content-hashed key (what a CDN in front of this route fetches). */
  async openPublic(key: string): Promise<OpenedFile> {
    const found = PUBLIC_KEY_PATTERN.test(key) ? await this.storage.get(key) : undefined;
    if (!found) throw new NotFoundError(MEDIA_ERRORS.fileMissing, 'No such file');
    return { ...found, contentType: renditionContentType(key), fileName: null };
  }

  /** A signed URL that downloads the asset's stored file until it expires. */
  async downloadUrl(ctx: TenantContext, id: string): Promise<{ url: string; expiresAt: string }> {
    const row = await this.database.withTenant(ctx.tenantId, (tx) => this.assets.mustFind(tx, id));
    if (row.status !== 'ready' || !row.sourceKey) {
      throw new ConflictError(MEDIA_ERRORS.notReady, 'The asset is not ready yet', { status: row.status });
    }
    const expires = Date.now() + this.config.MEDIA_DOWNLOAD_URL_TTL;
    const query = signedQuery(this.config.INTERNAL_SIGNING_SECRET, {
      action: 'download',
      tenantId: ctx.tenantId,
      assetId: id,
      expires,
    });
    return {
      url: `${this.config.PUBLIC_API_PREFIX}/v1/media/downloads/${id}?${query}`,
      expiresAt: new Date(expires).toISOString(),
    };
  }

  async openDownload(
    id: string,
    grant: { tenant: string; expires: number; signature: string },
  ): Promise<OpenedFile> {
    if (
      !verifyUrl(
        this.secrets,
        { action: 'download', tenantId: grant.tenant, assetId: id, expires: grant.expires },
        grant.signature,
      )
    ) {
      throw new UnauthorizedError(MEDIA_ERRORS.signatureInvalid, 'This download URL is not valid');
    }
    if (grant.expires < Date.now())
      throw new ForbiddenError(MEDIA_ERRORS.urlExpired, 'This download URL has expired');
    const row = await this.database.withTenant(grant.tenant, (tx) => this.assets.mustFind(tx, id));
    const found = row.sourceKey ? await this.storage.get(row.sourceKey) : undefined;
    if (!found || row.status !== 'ready') throw new NotFoundError(MEDIA_ERRORS.fileMissing, 'No such file');
    return { ...found, contentType: row.contentType ?? 'application/octet-stream', fileName: row.fileName };
  }
}

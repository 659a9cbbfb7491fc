import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import {
  ConflictError,
  decodeCursor,
  ForbiddenError,
  newId,
  NotFoundError,
  type Page,
  PayloadTooLargeError,
  toPage,
  UnauthorizedError,
} from '@haat/common';
import type { Database } from '@haat/database';
import { DATABASE, SERVICE_CONFIG } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { ProductServiceConfig } from '../../config/product-service.config.js';
import { vendorScopeOf } from '../access/vendor-scope.js';
import type { ImportView } from './dto/import.dto.js';
import { importFilePath } from './import-files.js';
import { toImportView } from './import.mapper.js';
import { ImportRunner } from './import.runner.js';
import { IMPORT_ERRORS } from './imports.errors.js';
import { ImportsRepository } from './imports.repository.js';
import type { ImportRow } from './imports.schema.js';
import { signUpload, verifyUpload } from './upload-signature.js';

const ERRORS_IN_VIEW = 50;
const ErrorCursorSchema = z.object({ seq: z.number().int().nonnegative() });

/** CSV import jobs: a signed upload URL, the streamed upload, progress and the row report. */
@Injectable()
export class ImportsService {
  private readonly secrets: string[];

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(SERVICE_CONFIG) private readonly config: ProductServiceConfig,
    private readonly repo: ImportsRepository,
    private readonly runner: ImportRunner,
  ) {
    this.secrets = [config.INTERNAL_SIGNING_SECRET, ...config.INTERNAL_SIGNING_SECRETS_PREVIOUS];
  }

  /** A new job waiting for its file, with the URL to PUT it to (valid for a while, once). */
  async create(ctx: TenantContext, input: { fileName?: string }) {
    const id = newId();
    const row = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repo.insert(tx, {
        id,
        tenantId: ctx.tenantId,
        requestedBy: ctx.userId,
        roles: ctx.roles,
        permissions: ctx.permissions,
        status: 'awaiting_upload',
        fileName: input.fileName ?? null,
      }),
    );
    const expires = Date.now() + this.config.PRODUCT_IMPORT_UPLOAD_TTL;
    const signature = signUpload(this.config.INTERNAL_SIGNING_SECRET, {
      tenantId: ctx.tenantId,
      importId: id,
      expires,
    });
    const query = new URLSearchParams({ tenant: ctx.tenantId, expires: String(expires), signature });
    return {
      ...toImportView(row, []),
      upload: {
        method: 'PUT' as const,
        url: `${this.config.PUBLIC_API_PREFIX}/v1/products/imports/${id}/file?${query.toString()}`,
        expiresAt: new Date(expires).toISOString(),
        maxBytes: this.config.PRODUCT_IMPORT_MAX_BYTES,
      },
    };
  }

  /**
   * Streams the uploaded file to disk (never whole in memory), then queues the job. The URL's
   * signature is the credential: it names the tenant and the import and expires.
   */
  async receive(
    importId: string,
    grant: { tenant: string; expires: number; signature: string },
    body: Readable,
    declaredLength: number | undefined,
  ): Promise<ImportView> {
    if (
      !verifyUpload(
        this.secrets,
        { tenantId: grant.tenant, importId, expires: grant.expires },
        grant.signature,
      )
    ) {
      throw new UnauthorizedError(IMPORT_ERRORS.uploadSignatureInvalid, 'This upload URL is not valid');
    }
    if (grant.expires < Date.now())
      throw new ForbiddenError(IMPORT_ERRORS.uploadExpired, 'This upload URL has expired');
    const max = this.config.PRODUCT_IMPORT_MAX_BYTES;
    if (declaredLength !== undefined && declaredLength > max) throw tooLarge(max);
    const job = await this.database.withTenant(grant.tenant, (tx) => this.repo.findById(tx, importId));
    if (!job) throw notFound(importId);
    if (job.status !== 'awaiting_upload') throw alreadyUploaded();

    const path = importFilePath(this.config.PRODUCT_IMPORT_DIR, grant.tenant, importId);
    const part = `${path}.part`;
    await mkdir(dirname(path), { recursive: true });
    let bytes = 0;
    const limiter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        done(bytes > max ? tooLarge(max) : null, chunk);
      },
    });
    try {
      // `wx`: a second upload racing this one fails here instead of mixing two files.
      await pipeline(body, limiter, createWriteStream(part, { flags: 'wx' }));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw alreadyUploaded();
      await rm(part, { force: true });
      throw err;
    }
    if (bytes === 0) {
      await rm(part, { force: true });
      throw new ConflictError(IMPORT_ERRORS.emptyFile, 'The uploaded file is empty');
    }
    await rename(part, path);
    const queued = await this.database.withTenant(grant.tenant, (tx) =>
      this.repo.transition(tx, importId, ['awaiting_upload'], 'queued', { bytesTotal: bytes }),
    );
    if (!queued) {
      await rm(path, { force: true });
      throw alreadyUploaded();
    }
    this.runner.start(grant.tenant, importId);
    return toImportView(queued, []);
  }

  async get(ctx: TenantContext, id: string): Promise<ImportView> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const row = this.visible(ctx, await this.repo.findById(tx, id), id);
      const errors = await this.repo.errors(tx, id, undefined, ERRORS_IN_VIEW);
      return toImportView(row, errors.slice(0, ERRORS_IN_VIEW));
    });
  }

  async errors(
    ctx: TenantContext,
    id: string,
    query: { limit: number; cursor?: string },
  ): Promise<Page<ImportView['errors'][number]>> {
    const after = decodeCursor(query.cursor, ErrorCursorSchema);
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      this.visible(ctx, await this.repo.findById(tx, id), id);
      const rows = await this.repo.errors(tx, id, after?.seq, query.limit);
      return toPage(
        rows,
        query.limit,
        (r) => ({ seq: r.seq }),
        (e) => ({ line: e.line, column: e.column, code: e.code, message: e.message, sku: e.sku }),
      );
    });
  }

  /** Tenant staff see every import; anyone else only their own. */
  private visible(ctx: TenantContext, row: ImportRow | undefined, id: string): ImportRow {
    if (!row) throw notFound(id);
    if (vendorScopeOf(ctx).kind !== 'tenant' && row.requestedBy !== ctx.userId) throw notFound(id);
    return row;
  }
}

function notFound(id: string): NotFoundError {
  return new NotFoundError(IMPORT_ERRORS.notFound, 'No such import', { id });
}

function alreadyUploaded(): ConflictError {
  return new ConflictError(IMPORT_ERRORS.alreadyUploaded, 'This import already has its file');
}

function tooLarge(max: number): PayloadTooLargeError {
  return new PayloadTooLargeError(IMPORT_ERRORS.tooLarge, `Import files are limited to ${max} bytes`, {
    maxBytes: max,
  });
}

import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow, ValidationError } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import { readMultipart } from '../../infrastructure/http/multipart.reader.js';
import { AssetsService } from './assets.service.js';
import { DirectUploadsService } from './direct-uploads.service.js';
import {
  AssetIdParamsSchema,
  CreateUploadSchema,
  ListAssetsQuerySchema,
  PurposeSchema,
  StoreDocumentQuerySchema,
} from './dto/asset.dto.js';
import { MEDIA_ERRORS, UnsupportedMediaError } from './media.errors.js';
import { MediaFilesService } from './media-files.service.js';

const mediaType = (header: string | undefined) => (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/** Media of the signed tenant: uploads, status, signed download URLs, deletion. */
@Controller('v1/media')
export class AssetsController {
  constructor(
    private readonly assets: AssetsService,
    private readonly uploads: DirectUploadsService,
    private readonly files: MediaFilesService,
  ) {}

  /** A multipart upload (field `file`, optional `purpose`), authorized by the gateway's signature. */
  @Post()
  @RequirePermissions('media:create')
  async upload(
    @Ctx() ctx: RequestContext,
    @Headers('content-type') contentType: string | undefined,
    @Req() req: { body: unknown },
  ) {
    if (mediaType(contentType) !== 'multipart/form-data' || !Buffer.isBuffer(req.body)) {
      throw new UnsupportedMediaError(
        MEDIA_ERRORS.unsupportedType,
        'Send the file as multipart/form-data (field "file")',
      );
    }
    const form = await readMultipart(req.body, contentType ?? '');
    if (!form.file) {
      throw new ValidationError(MEDIA_ERRORS.fileMissing, 'The form has no "file" field', {
        fields: [{ field: 'file', message: 'required', code: 'required' }],
      });
    }
    const purpose = parseOrThrow(PurposeSchema, form.fields.purpose, 'body');
    return this.assets.ingest(tenantContext(ctx), {
      bytes: form.file.bytes,
      fileName: form.file.fileName,
      declaredType: form.file.mimeType,
      purpose,
    });
  }

  /** A signed URL to PUT a (large) file to directly; the asset waits for it. */
  @Post('uploads')
  @RequirePermissions('media:create')
  createUpload(@Ctx() ctx: RequestContext, @Body() body: unknown) {
    return this.uploads.create(tenantContext(ctx), parseOrThrow(CreateUploadSchema, body));
  }

  /** A generated file another service keeps here (report PDF, label, invoice): private, ready at once. */
  @Post('documents')
  @RequirePermissions('media:create')
  storeDocument(
    @Ctx() ctx: RequestContext,
    @Query() query: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Req() req: { body: unknown },
  ) {
    const q = parseOrThrow(StoreDocumentQuerySchema, query, 'query');
    if (!Buffer.isBuffer(req.body)) {
      throw new UnsupportedMediaError(MEDIA_ERRORS.unsupportedType, 'Send the file as application/pdf');
    }
    return this.assets.ingest(
      tenantContext(ctx),
      { bytes: req.body, fileName: q.fileName, declaredType: mediaType(contentType), purpose: q.purpose },
      'file',
    );
  }

  @Get()
  @RequirePermissions('media:read')
  list(@Ctx() ctx: RequestContext, @Query() query: unknown) {
    return this.assets.list(tenantContext(ctx), parseOrThrow(ListAssetsQuerySchema, query, 'query'));
  }

  @Get(':id')
  @RequirePermissions('media:read')
  get(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.assets.get(tenantContext(ctx), parseOrThrow(AssetIdParamsSchema, params, 'params').id);
  }

  /** A signed, expiring URL that downloads the stored file (private documents). */
  @Post(':id/download-url')
  @HttpCode(200)
  @RequirePermissions('media:read')
  downloadUrl(@Ctx() ctx: RequestContext, @Param() params: unknown) {
    return this.files.downloadUrl(tenantContext(ctx), parseOrThrow(AssetIdParamsSchema, params, 'params').id);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions('media:delete')
  async remove(@Ctx() ctx: RequestContext, @Param() params: unknown): Promise<void> {
    await this.assets.remove(tenantContext(ctx), parseOrThrow(AssetIdParamsSchema, params, 'params').id);
  }
}

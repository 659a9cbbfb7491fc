import type { Readable } from 'node:stream';
import { Controller, Get, Headers, HttpCode, Param, Put, Query, Req, Res } from '@nestjs/common';
import { parseOrThrow } from '@haat/common';
import { PublicRoute } from '@haat/tenant';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DirectUploadsService } from './direct-uploads.service.js';
import { AssetIdParamsSchema, PublicFileParamsSchema, SignedUrlQuerySchema } from './dto/asset.dto.js';
import { MEDIA_ERRORS, UnsupportedMediaError } from './media.errors.js';
import { MediaFilesService } from './media-files.service.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The routes whose credential is not the gateway's signature: rendition files (public,
 * content-hashed, cacheable for a year) and the signed, expiring upload and download URLs.
 */
@Controller('v1/media')
export class MediaFilesController {
  constructor(
    private readonly files: MediaFilesService,
    private readonly uploads: DirectUploadsService,
  ) {}

  @Get('files/:tenant/:asset/:name')
  @PublicRoute()
  async file(@Param() params: unknown, @Res() reply: FastifyReply): Promise<void> {
    const p = parseOrThrow(PublicFileParamsSchema, params, 'params');
    const file = await this.files.openPublic(`${p.tenant}/${p.asset}/${p.name}`);
    await reply
      .header('content-type', file.contentType)
      .header('content-length', String(file.bytes))
      .header('cache-control', IMMUTABLE)
      .header('etag', `"${p.name.slice(0, 16)}"`)
      .header('x-content-type-options', 'nosniff')
      .send(file.stream);
  }

  /** The file for a signed direct-upload URL, streamed to disk. */
  @Put('uploads/:id')
  @PublicRoute()
  @HttpCode(202)
  upload(
    @Param() params: unknown,
    @Query() query: unknown,
    @Headers('content-length') contentLength: string | undefined,
    @Req() req: FastifyRequest,
  ) {
    const { id } = parseOrThrow(AssetIdParamsSchema, params, 'params');
    const grant = parseOrThrow(SignedUrlQuerySchema, query, 'query');
    if (!req.body || Buffer.isBuffer(req.body) || typeof (req.body as Readable).pipe !== 'function') {
      throw new UnsupportedMediaError(
        MEDIA_ERRORS.unsupportedType,
        'Upload the file with its own content type (image/*, video/*, application/pdf)',
      );
    }
    const length =
      contentLength !== undefined && /^\d+$/.test(contentLength) ? Number(contentLength) : undefined;
    return this.uploads.receive(id, grant, req.body as Readable, length);
  }

  @Get('downloads/:id')
  @PublicRoute()
  async download(
    @Param() params: unknown,
    @Query() query: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { id } = parseOrThrow(AssetIdParamsSchema, params, 'params');
    const file = await this.files.openDownload(id, parseOrThrow(SignedUrlQuerySchema, query, 'query'));
    const name = (file.fileName ?? `${id}`).replace(/["\\\r\n]/g, '_');
    await reply
      .header('content-type', file.contentType)
      .header('content-length', String(file.bytes))
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(file.stream);
  }
}

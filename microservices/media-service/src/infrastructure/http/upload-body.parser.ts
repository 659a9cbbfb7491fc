import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { PayloadTooLargeError } from '@haat/common';
import { SERVICE_CONFIG } from '@haat/service';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MediaServiceConfig } from '../../config/media-service.config.js';

/** The route whose body is streamed to disk (a signed direct upload): nothing buffers it. */
export const STREAMED_UPLOAD_ROUTE = '/v1/media/uploads/:id';
/** Content types of files (and multipart forms carrying them). */
export const FILE_CONTENT_TYPES =
  /^(?:multipart\/form-data|application\/pdf|application\/octet-stream|image\/[\w.+-]+|video\/[\w.+-]+)(?:\s*;.*)?$/i;

interface RawBodyRequest {
  rawBody?: Buffer;
}

/**
 * Bodies of file uploads. A direct upload (PUT to a signed URL) reaches its handler as the
 * request stream; any other upload is read into memory up to its limit (413 beyond) and kept
 * as `rawBody`, because the gateway's signature covers its bytes.
 */
@Injectable()
export class UploadBodyParser implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(SERVICE_CONFIG) private readonly config: MediaServiceConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addContentTypeParser(FILE_CONTENT_TYPES, (request, payload, done) => {
      if (request.method === 'PUT' && request.routeOptions.url === STREAMED_UPLOAD_ROUTE) {
        done(null, payload);
        return;
      }
      const limit = this.limitOf(request);
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > limit) {
        done(tooLarge(limit), undefined);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      payload.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          payload.removeAllListeners('data');
          payload.resume();
          done(tooLarge(limit), undefined);
          return;
        }
        chunks.push(chunk);
      });
      payload.on('error', (err) => done(err, undefined));
      payload.on('end', () => {
        if (size > limit) return;
        const body = Buffer.concat(chunks);
        (request as FastifyRequest & RawBodyRequest).rawBody = body;
        done(null, body);
      });
    });
  }

  private limitOf(request: FastifyRequest): number {
    return request.routeOptions.url === '/v1/media/documents'
      ? this.config.MEDIA_MAX_FILE_BYTES
      : this.config.MEDIA_MAX_UPLOAD_BYTES;
  }
}

function tooLarge(limit: number): PayloadTooLargeError {
  return new PayloadTooLargeError('MEDIA_TOO_LARGE', `Uploads here are limited to ${limit} bytes`, {
    maxBytes: limit,
  });
}

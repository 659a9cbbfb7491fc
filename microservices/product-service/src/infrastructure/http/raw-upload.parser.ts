import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/** File uploads (CSV) arrive as streams: nothing buffers them, the handler pipes them to disk. */
export const STREAMED_CONTENT_TYPES = [
  'text/csv',
  'application/csv',
  'application/vnd.ms-excel',
  'application/octet-stream',
];

/**
 * Registers a pass-through body parser for upload content types, so a route receives the
 * request stream as its body. Registered before the server starts listening.
 */
@Injectable()
export class RawUploadParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addContentTypeParser(STREAMED_CONTENT_TYPES, (_request, payload, done) => done(null, payload));
  }
}

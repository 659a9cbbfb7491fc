import { Module } from '@nestjs/common';
import { MediaRefsConsumer } from './media-refs.consumer.js';
import { MediaRefsRepository } from './media-refs.repository.js';

@Module({ providers: [MediaRefsRepository, MediaRefsConsumer], exports: [MediaRefsRepository] })
export class MediaRefsModule {}

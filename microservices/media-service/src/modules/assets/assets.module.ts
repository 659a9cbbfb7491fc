import { Module } from '@nestjs/common';
import { UploadBodyParser } from '../../infrastructure/http/upload-body.parser.js';
import { AssetsController } from './assets.controller.js';
import { AssetsRepository } from './assets.repository.js';
import { AssetsService } from './assets.service.js';
import { DirectUploadsService } from './direct-uploads.service.js';
import { MediaFilesController } from './media-files.controller.js';
import { MediaFilesService } from './media-files.service.js';

@Module({
  controllers: [AssetsController, MediaFilesController],
  providers: [UploadBodyParser, AssetsRepository, AssetsService, DirectUploadsService, MediaFilesService],
  exports: [AssetsService, AssetsRepository],
})
export class AssetsModule {}

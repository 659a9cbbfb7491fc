import { Module } from '@nestjs/common';
import { AuthModule } from '@haat/auth';
import { MediaStorageModule } from './infrastructure/storage/media-storage.module.js';
import { AssetsModule } from './modules/assets/assets.module.js';
import { ProcessingModule } from './modules/processing/processing.module.js';

@Module({ imports: [AuthModule.forRoot({}), MediaStorageModule, AssetsModule, ProcessingModule] })
export class AppModule {}

import { Global, Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import { SERVICE_CONFIG } from '@haat/service';
import type { MediaServiceConfig } from '../../config/media-service.config.js';
import { LocalDiskMediaStorage } from './local-disk-media.storage.js';
import { MEDIA_STORAGE, type MediaStorage } from './media.storage.js';
import { S3MediaStorage } from './s3-media.storage.js';

/** The configured storage: an S3-compatible bucket when MEDIA_STORAGE=s3, local disk otherwise. */
export function createMediaStorage(config: MediaServiceConfig): MediaStorage {
  if (config.MEDIA_STORAGE === 'local') return new LocalDiskMediaStorage(config.MEDIA_LOCAL_DIR);
  if (!config.S3_BUCKET) throw new Error('S3_BUCKET: required when MEDIA_STORAGE=s3');
  return new S3MediaStorage({
    bucket: config.S3_BUCKET,
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  });
}

@Global()
@Module({
  providers: [{ provide: MEDIA_STORAGE, inject: [SERVICE_CONFIG], useFactory: createMediaStorage }],
  exports: [MEDIA_STORAGE],
})
export class MediaStorageModule implements OnModuleDestroy {
  constructor(@Inject(MEDIA_STORAGE) private readonly storage: MediaStorage) {}

  onModuleDestroy(): void {
    if (this.storage instanceof S3MediaStorage) this.storage.close();
  }
}

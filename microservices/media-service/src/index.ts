export { mediaService } from './service.js';
export { MediaServiceConfigSchema, type MediaServiceConfig } from './config/media-service.config.js';
export type { MediaStorage, StoredObject } from './infrastructure/storage/media.storage.js';
export { LocalDiskMediaStorage } from './infrastructure/storage/local-disk-media.storage.js';
export { S3MediaStorage } from './infrastructure/storage/s3-media.storage.js';

import { fileURLToPath } from 'node:url';
import type { ServiceDefinition } from '@haat/service';
import { AppModule } from './app.module.js';
import { MediaServiceConfigSchema } from './config/media-service.config.js';
import { registerAssetsOpenApi } from './modules/assets/assets.openapi.js';

/**
 * media-service: uploads (multipart and signed direct URLs) checked by their bytes, responsive
 * image variants (sharp), video transcodes and posters (ffmpeg), storage on local disk or S3,
 * immutable CDN URLs, and private files behind signed download URLs.
 */
export const mediaService: ServiceDefinition<typeof MediaServiceConfigSchema> = {
  name: 'media-service',
  configSchema: MediaServiceConfigSchema,
  rootModule: () => AppModule,
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
  openapi: registerAssetsOpenApi,
};

import { Global, Module } from '@nestjs/common';
import { SERVICE_CONFIG } from '@haat/service';
import type { VendorServiceConfig } from '../../config/vendor-service.config.js';
import { EnvelopeCipher } from './envelope.cipher.js';
import { LookupHasher } from './lookup.hasher.js';

/** The at-rest cipher and the lookup hasher, keyed from configuration, for every feature. */
@Global()
@Module({
  providers: [
    {
      provide: EnvelopeCipher,
      inject: [SERVICE_CONFIG],
      useFactory: (config: VendorServiceConfig) =>
        new EnvelopeCipher(config.VENDOR_ENCRYPTION_KEY, config.VENDOR_ENCRYPTION_KEYS_PREVIOUS),
    },
    {
      provide: LookupHasher,
      inject: [SERVICE_CONFIG],
      useFactory: (config: VendorServiceConfig) => new LookupHasher(config.VENDOR_LOOKUP_KEY),
    },
  ],
  exports: [EnvelopeCipher, LookupHasher],
})
export class CryptoModule {}

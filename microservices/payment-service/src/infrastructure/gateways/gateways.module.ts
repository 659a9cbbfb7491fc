import { Global, Inject, Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import { SERVICE_CONFIG } from '@haat/service';
import { assertPaymentSecrets, type PaymentServiceConfig } from '../../config/payment-service.config.js';
import { CredentialCipher } from '../crypto/credential.cipher.js';
import { PublicUrls } from '../http/public-urls.js';
import { PaymentGateways } from './payment-gateways.js';
import { providerEndpoints } from './provider-endpoints.js';

/** Closes the provider connection pools with the app. */
@Injectable()
class GatewaysCloser implements OnModuleDestroy {
  constructor(@Inject(PaymentGateways) private readonly gateways: PaymentGateways) {}

  async onModuleDestroy(): Promise<void> {
    await this.gateways.close();
  }
}

/** The provider adapters, the credential cipher and the public URLs, for every feature module. */
@Global()
@Module({
  providers: [
    {
      provide: PaymentGateways,
      inject: [SERVICE_CONFIG],
      useFactory: (config: PaymentServiceConfig) => new PaymentGateways(providerEndpoints(config)),
    },
    {
      provide: CredentialCipher,
      inject: [SERVICE_CONFIG],
      useFactory: (config: PaymentServiceConfig) => {
        assertPaymentSecrets(config);
        return CredentialCipher.fromBase64(
          config.PAYMENT_CREDENTIALS_KEY,
          config.PAYMENT_CREDENTIALS_PREVIOUS_KEYS,
        );
      },
    },
    PublicUrls,
    GatewaysCloser,
  ],
  exports: [PaymentGateways, CredentialCipher, PublicUrls],
})
export class GatewaysModule {}

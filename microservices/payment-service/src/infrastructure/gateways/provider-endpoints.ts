import type { PaymentServiceConfig } from '../../config/payment-service.config.js';
import type { ProviderMode } from './payment-gateway.js';

/** Where each provider is, per mode, and the rules for trusting its notifications. */
export interface ProviderEndpoints {
  bkash: Record<ProviderMode, string> & { version: string; certUrlPattern: RegExp };
  sslcommerz: Record<ProviderMode, string>;
  stripe: Record<ProviderMode, string> & { sandboxCheckoutUrl?: string; toleranceMs: number };
  paypal: Record<ProviderMode, string> & { certUrlPattern: RegExp };
  timeoutMs: number;
}

export function providerEndpoints(config: PaymentServiceConfig): ProviderEndpoints {
  return {
    bkash: {
      sandbox: config.BKASH_SANDBOX_URL,
      live: config.BKASH_LIVE_URL,
      version: config.BKASH_API_VERSION,
      certUrlPattern: new RegExp(config.BKASH_SNS_CERT_URL_PATTERN),
    },
    sslcommerz: { sandbox: config.SSLCOMMERZ_SANDBOX_URL, live: config.SSLCOMMERZ_LIVE_URL },
    stripe: {
      sandbox: config.STRIPE_SANDBOX_URL,
      live: config.STRIPE_LIVE_URL,
      sandboxCheckoutUrl: config.STRIPE_SANDBOX_CHECKOUT_URL,
      toleranceMs: config.STRIPE_WEBHOOK_TOLERANCE,
    },
    paypal: {
      sandbox: config.PAYPAL_SANDBOX_URL,
      live: config.PAYPAL_LIVE_URL,
      certUrlPattern: new RegExp(config.PAYPAL_CERT_URL_PATTERN),
    },
    timeoutMs: config.PAYMENT_PROVIDER_TIMEOUT,
  };
}

import type { PaymentMethod } from '@haat/contracts';
import { BkashAdapter } from './bkash/bkash.adapter.js';
import { CertificateCache } from './certificate.cache.js';
import { CodAdapter } from './cod/cod.adapter.js';
import type { PaymentGateway } from './payment-gateway.js';
import { PaypalAdapter } from './paypal/paypal.adapter.js';
import type { ProviderEndpoints } from './provider-endpoints.js';
import { ProviderHttp } from './provider-http.js';
import { SslcommerzAdapter } from './sslcommerz/sslcommerz.adapter.js';
import { StripeAdapter } from './stripe/stripe.adapter.js';

/** The five adapters behind one interface, sharing the HTTP pools and the certificate cache. */
export class PaymentGateways {
  private readonly http: ProviderHttp;
  private readonly gateways: Record<PaymentMethod, PaymentGateway>;

  constructor(endpoints: ProviderEndpoints) {
    this.http = new ProviderHttp(endpoints.timeoutMs);
    const certificates = new CertificateCache(endpoints.timeoutMs);
    this.gateways = {
      bkash: new BkashAdapter(this.http, endpoints, certificates) as PaymentGateway,
      sslcommerz: new SslcommerzAdapter(this.http, endpoints) as PaymentGateway,
      stripe: new StripeAdapter(this.http, endpoints) as PaymentGateway,
      paypal: new PaypalAdapter(this.http, endpoints, certificates) as PaymentGateway,
      cod: new CodAdapter() as PaymentGateway,
    };
  }

  of(method: PaymentMethod): PaymentGateway {
    return this.gateways[method];
  }

  close(): Promise<void> {
    return this.http.close();
  }
}

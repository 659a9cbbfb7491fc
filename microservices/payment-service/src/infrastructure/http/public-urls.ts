import { Inject, Injectable } from '@nestjs/common';
import { ValidationError } from '@haat/common';
import type { PaymentMethod } from '@haat/contracts';
import { SERVICE_CONFIG } from '@haat/service';
import type { PaymentServiceConfig } from '../../config/payment-service.config.js';
import type { GatewayUrls } from '../gateways/payment-gateway.js';

type Headers = Record<string, string | string[] | undefined>;

const HOST = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/i;

function first(headers: Headers, name: string): string | undefined {
  const v = headers[name];
  const value = Array.isArray(v) ? v[0] : v;
  return value?.split(',')[0]?.trim() || undefined;
}

/**
 * The public URLs providers and browsers use. Behind the gateway the origin is the tenant's own
 * host (`x-forwarded-proto` + `x-forwarded-host`, set by the gateway), so each tenant's callbacks
 * come back through its host and the gateway resolves the same tenant; the tenant id is also in
 * the path, so a webhook names its tenant even without a Host-based lookup.
 */
@Injectable()
export class PublicUrls {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: PaymentServiceConfig) {}

  /** The origin the customer used (or `PAYMENT_PUBLIC_BASE_URL`). */
  originOf(headers: Headers): string {
    if (this.config.PAYMENT_PUBLIC_BASE_URL) return this.config.PAYMENT_PUBLIC_BASE_URL.replace(/\/+$/, '');
    const host = first(headers, 'x-forwarded-host') ?? first(headers, 'host');
    const proto = first(headers, 'x-forwarded-proto') ?? 'http';
    if (!host || !HOST.test(host) || (proto !== 'http' && proto !== 'https')) {
      throw new ValidationError('PAYMENT_ORIGIN_UNKNOWN', 'Cannot tell which host this shop is served on', {
        in: 'headers',
        fields: [{ field: 'x-forwarded-host', message: 'missing or not a host name', code: 'custom' }],
      });
    }
    return `${proto}://${host.toLowerCase()}`;
  }

  /** Callback and notification URLs of one intent. */
  gatewayUrls(origin: string, tenantId: string, provider: PaymentMethod, intentId: string): GatewayUrls {
    const base = `${origin}${this.config.PAYMENT_PUBLIC_PATH_PREFIX}/v1/payments`;
    return {
      callback: `${base}/callbacks/${provider}/${tenantId}/${intentId}`,
      notify: this.webhookUrl(origin, tenantId, provider),
    };
  }

  /** The webhook URL a tenant registers with a provider. */
  webhookUrl(origin: string, tenantId: string, provider: PaymentMethod): string {
    return `${origin}${this.config.PAYMENT_PUBLIC_PATH_PREFIX}/v1/payments/webhooks/${provider}/${tenantId}`;
  }

  /** The path a tenant's webhook arrives on at the gateway. */
  webhookPath(tenantId: string, provider: PaymentMethod): string {
    return `${this.config.PAYMENT_PUBLIC_PATH_PREFIX}/v1/payments/webhooks/${provider}/${tenantId}`;
  }
}

/** The customer's IP as the gateway saw it (first `x-forwarded-for` entry). */
export function clientIpOf(headers: Headers, fallback: string | undefined): string | null {
  const ip = first(headers, 'x-forwarded-for') ?? fallback;
  return ip && ip.length <= 64 ? ip : null;
}

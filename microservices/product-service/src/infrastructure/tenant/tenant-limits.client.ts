import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createServiceClient, type ServiceClient } from '@haat/resilience';
import { SERVICE_CONFIG } from '@haat/service';
import { type RequestContext, signInternalRequest, systemContext } from '@haat/tenant';
import { z } from 'zod';
import type { ProductServiceConfig } from '../../config/product-service.config.js';

/** tenant-service's answer to `POST /v1/limits/check`. */
export const LimitDecisionSchema = z.object({
  allowed: z.boolean(),
  limit: z.number().int().nullable(),
  remaining: z.number().int().nullable(),
});
export type LimitDecision = z.infer<typeof LimitDecisionSchema>;

const CHECK_PATH = '/v1/limits/check';

/**
 * Asks tenant-service whether the tenant's plan allows more products, through the resilient
 * client (timeout, breaker) with a signed request in the platform's name for that tenant.
 */
@Injectable()
export class TenantLimitsClient implements OnModuleDestroy {
  private readonly client: ServiceClient;
  private readonly secret: string;

  constructor(@Inject(SERVICE_CONFIG) config: ProductServiceConfig) {
    this.secret = config.INTERNAL_SIGNING_SECRET;
    this.client = createServiceClient({
      name: 'tenant-service',
      baseUrl: config.TENANT_SERVICE_URL,
      timeoutMs: config.TENANT_SERVICE_TIMEOUT,
      retries: 1,
      breaker: { consecutiveFailures: 5, halfOpenAfterMs: 5_000 },
    });
  }

  /** May the tenant have `adding` more products on top of `current`? */
  check(
    ctx: Pick<RequestContext, 'tenantId' | 'requestId' | 'traceparent'>,
    input: { current: number; adding: number },
  ): Promise<LimitDecision> {
    const body = Buffer.from(JSON.stringify({ resource: 'products', ...input }));
    const headers = signInternalRequest({
      method: 'POST',
      path: CHECK_PATH,
      body,
      secret: this.secret,
      context: systemContext(ctx.requestId, ctx.tenantId, ctx.traceparent),
    });
    return this.client.requestJson(
      {
        method: 'POST',
        path: CHECK_PATH,
        body,
        headers: { ...headers, 'content-type': 'application/json' },
      },
      LimitDecisionSchema,
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.client.close();
  }
}

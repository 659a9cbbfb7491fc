import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { isAppError } from '@haat/common';
import { createServiceClient, type ServiceClient } from '@haat/resilience';
import { SERVICE_CONFIG } from '@haat/service';
import { signInternalRequest, systemContext, type TenantContext } from '@haat/tenant';
import { z } from 'zod';
import type { VendorServiceConfig } from '../../config/vendor-service.config.js';

/** The part of media-service's asset view (`GET /v1/media/:id`) this service reads. */
const AssetStatusSchema = z.object({
  id: z.string().uuid(),
  status: z.enum(['awaiting_upload', 'processing', 'ready', 'failed']),
  error: z.string().nullable().optional(),
});

export type AssetStatus = {
  status: z.infer<typeof AssetStatusSchema>['status'] | 'missing';
  error: string | null;
};

/**
 * Asks media-service about uploaded document files, signed in the platform's name for the
 * caller's tenant, through the resilient client (timeout, retry, breaker). Absent when
 * `MEDIA_SERVICE_URL` is not set: the files are then recorded by id and not verified.
 */
@Injectable()
export class MediaAssetsClient implements OnModuleDestroy {
  private readonly client: ServiceClient | undefined;
  private readonly secret: string;

  constructor(@Inject(SERVICE_CONFIG) config: VendorServiceConfig) {
    this.secret = config.INTERNAL_SIGNING_SECRET;
    this.client = config.MEDIA_SERVICE_URL
      ? createServiceClient({
          name: 'media-service',
          baseUrl: config.MEDIA_SERVICE_URL,
          timeoutMs: config.MEDIA_SERVICE_TIMEOUT,
          retries: 1,
          breaker: { consecutiveFailures: 5, halfOpenAfterMs: 5_000 },
        })
      : undefined;
  }

  get configured(): boolean {
    return this.client !== undefined;
  }

  /**
   * The status of each asset (`missing` when media-service does not know it for this tenant).
   * Throws 503 `UPSTREAM_*` when media-service cannot answer.
   */
  async statuses(ctx: TenantContext, assetIds: readonly string[]): Promise<Map<string, AssetStatus>> {
    const client = this.client;
    if (!client) return new Map();
    const unique = [...new Set(assetIds)];
    const answers = await Promise.all(
      unique.map(async (id): Promise<[string, AssetStatus]> => {
        const path = `/v1/media/${id}`;
        const headers = signInternalRequest({
          method: 'GET',
          path,
          secret: this.secret,
          context: systemContext(ctx.requestId, ctx.tenantId, ctx.traceparent),
        });
        try {
          const asset = await client.getJson(path, AssetStatusSchema, { headers });
          return [id, { status: asset.status, error: asset.error ?? null }];
        } catch (err) {
          if (isAppError(err) && err.kind === 'not_found') return [id, { status: 'missing', error: null }];
          throw err;
        }
      }),
    );
    return new Map(answers);
  }

  async onModuleDestroy(): Promise<void> {
    await this.client?.close();
  }
}

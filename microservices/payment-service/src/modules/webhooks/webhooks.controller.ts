import { Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { parseOrThrow } from '@haat/common';
import { INTERNAL_SIGNING_SECRETS, PublicRoute, verifyInternalRequest } from '@haat/tenant';
import { WebhookParamsSchema } from './dto/webhook.dto.js';
import { webhookTenantMismatch } from './webhooks.errors.js';
import { WebhooksService } from './webhooks.service.js';

interface WebhookRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody?: Buffer;
  body?: unknown;
}

/**
 * `POST /v1/payments/webhooks/:provider/:tenantId` — provider webhooks and IPNs, public (they
 * carry the provider's own signature). Reached through the gateway at
 * `/api/v1/payments/webhooks/<provider>/<tenantId>` on the tenant's host.
 */
@Controller('v1/payments/webhooks')
export class WebhooksController {
  constructor(
    private readonly webhooks: WebhooksService,
    @Inject(INTERNAL_SIGNING_SECRETS) private readonly secrets: readonly string[],
  ) {}

  @Post(':provider/:tenantId')
  @PublicRoute()
  @HttpCode(200)
  receive(@Param() params: unknown, @Req() req: WebhookRequest) {
    const { provider, tenantId } = parseOrThrow(WebhookParamsSchema, params, 'params');
    this.assertSameTenant(req, tenantId);
    const rawBody =
      req.rawBody ?? (typeof req.body === 'string' ? Buffer.from(req.body, 'utf8') : Buffer.alloc(0));
    return this.webhooks.receive(provider, tenantId, { headers: req.headers, rawBody });
  }

  /** Through the gateway, the tenant it resolved from the host must be the one in the path. */
  private assertSameTenant(req: WebhookRequest, tenantId: string): void {
    if (req.headers['x-haat-signature'] === undefined) return;
    let gatewayTenant: string | null;
    try {
      gatewayTenant = verifyInternalRequest({
        method: req.method,
        path: req.url,
        body: req.rawBody,
        headers: req.headers,
        secrets: this.secrets,
      }).tenantId;
    } catch {
      return;
    }
    if (gatewayTenant && gatewayTenant !== tenantId) throw webhookTenantMismatch();
  }
}

import { Controller, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ForbiddenError, parseOrThrow } from '@haat/common';
import { INTERNAL_SIGNING_SECRETS, PublicRoute, verifyInternalRequest } from '@haat/tenant';
import type { FastifyReply } from 'fastify';
import { CourierWebhooksService } from './courier-webhooks.service.js';
import { WebhookParamsSchema } from './webhook.dto.js';

interface WebhookRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody?: Buffer;
  body?: unknown;
}

/**
 * `POST /v1/shipping/webhooks/:courier/:tenantId/:accountId` — courier webhooks, public (they
 * carry the courier's own secret), reached through the gateway at `/api/v1/shipping/webhooks/…`
 * on the tenant's host. Answers as each courier expects (Pathao 202 + its integration header,
 * Steadfast 200 + `{status: "success"}`).
 */
@Controller('v1/shipping/webhooks')
export class CourierWebhooksController {
  constructor(
    private readonly webhooks: CourierWebhooksService,
    @Inject(INTERNAL_SIGNING_SECRETS) private readonly secrets: readonly string[],
  ) {}

  @Post(':courier/:tenantId/:accountId')
  @PublicRoute()
  async receive(
    @Param() params: unknown,
    @Req() req: WebhookRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { courier, tenantId, accountId } = parseOrThrow(WebhookParamsSchema, params, 'params');
    this.assertSameTenant(req, tenantId);
    const rawBody =
      req.rawBody ??
      Buffer.from(typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? ''), 'utf8');
    const answer = await this.webhooks.receive(courier, tenantId, accountId, {
      headers: req.headers,
      rawBody,
    });
    await reply.code(answer.status).headers(answer.headers).send(answer.body);
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
    if (gatewayTenant && gatewayTenant !== tenantId) {
      throw new ForbiddenError(
        'SHIPPING_WEBHOOK_TENANT_MISMATCH',
        'The webhook names another tenant than its host',
      );
    }
  }
}

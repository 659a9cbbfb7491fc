import { Inject, Injectable } from '@nestjs/common';
import type { NotificationChannel } from '@haat/contracts';
import {
  ConflictError,
  decodeCursor,
  newId,
  NotFoundError,
  type Page,
  toPage,
  UnprocessableError,
  ValidationError,
} from '@haat/common';
import type { Database } from '@haat/database';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { z } from 'zod';
import { templateChannels, templateDefinition } from '../templates/template.catalog.js';
import { TEMPLATE_ERRORS } from '../templates/templates.errors.js';
import { DELIVERY_ERRORS } from './deliveries.errors.js';
import { DeliveriesRepository } from './deliveries.repository.js';
import {
  type Delivery,
  type DeliveryDetail,
  type ListDeliveriesQuery,
  toDelivery,
  toDeliveryDetail,
} from './dto/delivery.dto.js';
import type { SendNotification } from './dto/send-notification.dto.js';
import {
  type DispatchedDelivery,
  type DispatchTarget,
  NotificationDispatcher,
} from './notification.dispatcher.js';

const IdCursorSchema = z.object({ id: z.string().uuid() });
const SENDABLE = new Set(['order', 'alert', 'marketing']);

/** The delivery log, replays of failed deliveries, and sending on request. */
@Injectable()
export class DeliveriesService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repository: DeliveriesRepository,
    private readonly dispatcher: NotificationDispatcher,
  ) {}

  async list(ctx: TenantContext, query: ListDeliveriesQuery): Promise<Page<Delivery>> {
    const before = decodeCursor(query.cursor, IdCursorSchema);
    const rows = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repository.list(tx, ctx.tenantId, { ...query, beforeId: before?.id }, query.limit),
    );
    return toPage(rows, query.limit, (r) => ({ id: r.id }), toDelivery);
  }

  async get(ctx: TenantContext, id: string): Promise<DeliveryDetail> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const row = await this.repository.find(tx, ctx.tenantId, id);
      if (!row) throw deliveryNotFound(id);
      return toDeliveryDetail(row, await this.repository.attempts(tx, ctx.tenantId, id));
    });
  }

  /** Sends a failed or dead delivery again, with a fresh set of attempts. */
  async retry(ctx: TenantContext, id: string): Promise<Delivery> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const row = await this.repository.find(tx, ctx.tenantId, id);
      if (!row) throw deliveryNotFound(id);
      const requeued = await this.repository.requeue(tx, ctx.tenantId, id);
      if (!requeued) {
        throw new ConflictError(
          DELIVERY_ERRORS.notRetryable,
          row.redactedAt
            ? 'The content of this one-time code was erased; ask for a new code'
            : `A ${row.status} delivery cannot be retried`,
          { id, status: row.status },
        );
      }
      return toDelivery(requeued);
    });
  }

  /** Queues a template for a recipient or bare addresses (an `Idempotency-Key` makes a repeat a replay). */
  async send(ctx: TenantContext, body: SendNotification): Promise<{ deliveries: DispatchedDelivery[] }> {
    const definition = templateDefinition(body.templateKey);
    if (!definition) {
      throw new NotFoundError(TEMPLATE_ERRORS.notFound, `No template ${body.templateKey}`, {
        key: body.templateKey,
      });
    }
    if (!SENDABLE.has(definition.category)) {
      throw new UnprocessableError(
        DELIVERY_ERRORS.notSendable,
        `${body.templateKey} is sent by the platform itself (${definition.category})`,
        { key: body.templateKey, category: definition.category },
      );
    }
    if (!body.recipient && definition.category === 'marketing') {
      throw new UnprocessableError(
        DELIVERY_ERRORS.recipientRequired,
        'Marketing goes to known recipients only, so their opt-outs apply',
        { key: body.templateKey },
      );
    }
    const targets = this.targets(body, templateChannels(definition));
    return this.database.withTenant(ctx.tenantId, async (tx) => ({
      deliveries: await this.dispatcher.dispatch(tx, ctx.tenantId, {
        templateKey: body.templateKey,
        data: body.data,
        targets,
        locale: body.locale,
        dedupeKey: `send:${newId()}`,
        traceparent: ctx.traceparent,
      }),
    }));
  }

  private targets(body: SendNotification, supported: NotificationChannel[]): DispatchTarget[] {
    const channels = body.channels ?? (body.recipient ? supported : []);
    const unsupported = channels.findIndex((c) => !supported.includes(c));
    if (unsupported >= 0) {
      throw new ValidationError('VALIDATION_FAILED', `Invalid body: channels.${unsupported}`, {
        in: 'body',
        fields: [
          {
            field: `channels.${unsupported}`,
            message: `${body.templateKey} has no ${channels[unsupported]} wording`,
            code: 'custom',
          },
        ],
      });
    }
    if (body.recipient) return [{ kind: 'recipient', recipient: body.recipient, channels }];
    const targets: DispatchTarget[] = [];
    if (body.email && (!body.channels || channels.includes('email'))) {
      targets.push({ kind: 'address', channel: 'email', address: body.email });
    }
    if (body.phone && (!body.channels || channels.includes('sms'))) {
      targets.push({ kind: 'address', channel: 'sms', address: body.phone });
    }
    return targets;
  }
}

function deliveryNotFound(id: string): NotFoundError {
  return new NotFoundError(DELIVERY_ERRORS.notFound, 'No such delivery', { id });
}

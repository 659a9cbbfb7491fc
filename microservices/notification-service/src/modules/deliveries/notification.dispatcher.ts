import { Inject, Injectable, Logger } from '@nestjs/common';
import type { NotificationChannel, NotificationRecipient } from '@haat/contracts';
import { newId } from '@haat/common';
import type { Tx } from '@haat/database';
import { addToOutbox } from '@haat/messaging';
import { SERVICE_CONFIG } from '@haat/service';
import type { NotificationServiceConfig } from '../../config/notification-service.config.js';
import { PushSubscriptionsService } from '../push/push-subscriptions.service.js';
import { normalizeEmail, normalizePhone } from '../recipients/address.rules.js';
import { isSuppressed } from '../recipients/opt-out.rules.js';
import { type Contact, RecipientsService } from '../recipients/recipients.service.js';
import { RulesService } from '../rules/rules.service.js';
import { type NotificationLocale, pickLocale } from '../templates/notification-locale.rules.js';
import { templateDefinition } from '../templates/template.catalog.js';
import type { TemplateDefinition } from '../templates/template.definition.js';
import { type RenderedMessage, TemplateError } from '../templates/template.renderer.js';
import { TemplatesService } from '../templates/templates.service.js';
import { type ShopFacts, TenantProfilesService } from '../tenants/tenant-profiles.service.js';
import { DELIVERY_ERRORS } from './deliveries.errors.js';
import { deliveryFailed } from './deliveries.events.js';
import { DeliveriesRepository } from './deliveries.repository.js';
import type { DeliveryStatus } from './deliveries.schema.js';

/** Who a message goes to: a bare address (one-time codes), or someone known, over some channels. */
export type DispatchTarget =
  | { kind: 'address'; channel: 'email' | 'sms'; address: string }
  | { kind: 'recipient'; recipient: NotificationRecipient; channels: readonly NotificationChannel[] };

export interface DispatchRequest {
  templateKey: string;
  data: Record<string, unknown>;
  targets: readonly DispatchTarget[];
  /** The language asked for; then the recipient's, then the shop's, then English. */
  locale?: string | null;
  /** Deliveries are unique per tenant, this key, channel and address: a repeat creates nothing. */
  dedupeKey: string;
  source?: { eventId: string; eventType: string };
  /** After this the message is pointless (an expired one-time code). */
  expiresAt?: Date | null;
  traceparent?: string;
}

export interface DispatchedDelivery {
  id: string;
  channel: NotificationChannel;
  destination: string;
  status: DeliveryStatus;
  reason: string | null;
}

interface Planned {
  channel: NotificationChannel;
  destination: string;
  locale: NotificationLocale;
  recipient: NotificationRecipient | null;
  /** Why it cannot be sent at all (bad address). */
  failure?: string;
  suppressed?: boolean;
}

type Rendering = { message: RenderedMessage } | { failure: string };

/**
 * Turns a request to notify into deliveries, inside the caller's transaction: finds addresses,
 * language and opt-outs, renders the tenant's template, and queues one delivery per channel and
 * address. Nothing here throws for a bad address or a broken template: the delivery is recorded
 * as failed with the reason, so the flow that asked (an order, a sign-in) is never blocked.
 */
@Injectable()
export class NotificationDispatcher {
  private readonly logger = new Logger('NotificationDispatcher');

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: NotificationServiceConfig,
    private readonly repository: DeliveriesRepository,
    private readonly templates: TemplatesService,
    private readonly recipients: RecipientsService,
    private readonly push: PushSubscriptionsService,
    private readonly profiles: TenantProfilesService,
    private readonly rules: RulesService,
  ) {}

  /** Notifies `recipients` of an event by the tenant's rule for its type (nothing when it is off). */
  async dispatchByRule(
    tx: Tx,
    tenantId: string,
    eventType: string,
    recipients: readonly NotificationRecipient[],
    request: Omit<DispatchRequest, 'templateKey' | 'targets'>,
  ): Promise<DispatchedDelivery[]> {
    const rule = await this.rules.ruleFor(tx, tenantId, eventType);
    if (!rule || !rule.enabled || rule.channels.length === 0) return [];
    return this.dispatch(tx, tenantId, {
      ...request,
      templateKey: rule.templateKey,
      targets: recipients.map((recipient) => ({ kind: 'recipient', recipient, channels: rule.channels })),
    });
  }

  async dispatch(tx: Tx, tenantId: string, request: DispatchRequest): Promise<DispatchedDelivery[]> {
    const definition = templateDefinition(request.templateKey);
    if (!definition) {
      this.logger.error({ tenantId, templateKey: request.templateKey }, 'no such template: nothing sent');
      return [];
    }
    const shop = await this.profiles.shop(tx, tenantId);
    const planned: Planned[] = [];
    for (const target of request.targets) {
      planned.push(...(await this.plan(tx, tenantId, definition, target, request.locale, shop)));
    }
    const data = { ...request.data, shop: { name: shop.name } };
    const renderings = new Map<string, Rendering>();
    const out: DispatchedDelivery[] = [];
    for (const p of planned) {
      let rendering: Rendering | undefined;
      if (!p.failure && !p.suppressed) {
        const key = `${p.channel}:${p.locale}`;
        rendering = renderings.get(key) ?? (await this.render(tx, tenantId, definition, p, data));
        renderings.set(key, rendering);
      }
      const failure = p.failure ?? (rendering && 'failure' in rendering ? rendering.failure : undefined);
      const message = rendering && 'message' in rendering ? rendering.message : undefined;
      const status: DeliveryStatus = failure ? 'failed' : p.suppressed ? 'suppressed' : 'pending';
      const reason =
        failure ?? (p.suppressed ? `${DELIVERY_ERRORS.optedOut}: the recipient opted out` : null);
      const row = await this.repository.insert(tx, {
        id: newId(),
        tenantId,
        channel: p.channel,
        category: definition.category,
        templateKey: definition.key,
        locale: p.locale,
        recipientKind: p.recipient?.kind ?? null,
        recipientRef: p.recipient?.ref ?? null,
        destination: p.destination,
        subject: message?.subject ?? null,
        body: message?.text ?? null,
        html: p.channel === 'email' ? (message?.html ?? null) : null,
        status,
        maxAttempts: this.config.DELIVERY_MAX_ATTEMPTS,
        nextAttemptAt: status === 'pending' ? new Date() : null,
        expiresAt: request.expiresAt ?? null,
        lastError: reason,
        sourceEventId: request.source?.eventId ?? null,
        sourceEventType: request.source?.eventType ?? null,
        dedupeKey: `${request.dedupeKey}:${p.channel}:${p.destination}`,
        finishedAt: status === 'pending' ? null : new Date(),
      });
      if (!row) continue;
      if (status === 'failed') await addToOutbox(tx, deliveryFailed(row, request.traceparent));
      out.push({ id: row.id, channel: p.channel, destination: p.destination, status, reason });
    }
    return out;
  }

  private async plan(
    tx: Tx,
    tenantId: string,
    definition: TemplateDefinition,
    target: DispatchTarget,
    locale: string | null | undefined,
    shop: ShopFacts,
  ): Promise<Planned[]> {
    if (target.kind === 'address') {
      const normalized =
        target.channel === 'email' ? normalizeEmail(target.address) : normalizePhone(target.address);
      return [
        {
          channel: target.channel,
          destination: normalized ?? target.address.slice(0, 200),
          locale: pickLocale(locale, shop.defaultLocale),
          recipient: null,
          failure: normalized
            ? undefined
            : `${DELIVERY_ERRORS.destinationInvalid}: not a valid ${target.channel === 'email' ? 'email address' : 'mobile number'}`,
        },
      ];
    }
    const contact = await this.recipients.contactOf(tx, tenantId, target.recipient);
    const chosen = pickLocale(locale, contact?.locale, shop.defaultLocale);
    const planned: Planned[] = [];
    for (const channel of target.channels) {
      if (!definition.channels[channel]) continue;
      const suppressed = isSuppressed(contact?.optOuts ?? [], channel, definition.category);
      for (const destination of await this.destinations(tx, tenantId, target.recipient, contact, channel)) {
        planned.push({ channel, destination, locale: chosen, recipient: target.recipient, suppressed });
      }
    }
    return planned;
  }

  private async destinations(
    tx: Tx,
    tenantId: string,
    recipient: NotificationRecipient,
    contact: Contact | undefined,
    channel: NotificationChannel,
  ): Promise<string[]> {
    if (channel === 'email') return contact?.email ? [contact.email] : [];
    if (channel === 'sms') return contact?.phone ? [contact.phone] : [];
    if (recipient.kind !== 'user') return [];
    return (await this.push.forUser(tx, tenantId, recipient.ref)).map((s) => s.id);
  }

  private async render(
    tx: Tx,
    tenantId: string,
    definition: TemplateDefinition,
    p: Planned,
    data: Record<string, unknown>,
  ): Promise<Rendering> {
    const template = await this.templates.resolve(tx, tenantId, definition.key, p.channel, p.locale);
    if (!template) {
      return { failure: `${DELIVERY_ERRORS.templateMissing}: ${definition.key} has no ${p.channel} wording` };
    }
    try {
      return { message: await this.templates.render(template, data) };
    } catch (err) {
      if (!(err instanceof TemplateError)) throw err;
      this.logger.warn(
        {
          tenantId,
          templateKey: definition.key,
          channel: p.channel,
          locale: template.locale,
          err: err.message,
        },
        'template failed to render; delivery recorded as failed',
      );
      return { failure: `${DELIVERY_ERRORS.templateError}: ${err.message}` };
    }
  }
}

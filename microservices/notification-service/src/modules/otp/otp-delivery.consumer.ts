import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventConsumers } from '@haat/service';
import { scopeToTenant, tenantOf } from '../../infrastructure/db/tenant-scope.js';
import { NotificationDispatcher } from '../deliveries/notification.dispatcher.js';
import { OtpRequestedEvent } from './otp-requested.event.js';

/**
 * Sends each one-time code by the channel auth-service chose, in the requested language (else
 * the shop's). Codes cannot be opted out of; one that expires before it can be sent is dropped.
 */
@Injectable()
export class OtpDeliveryConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly dispatcher: NotificationDispatcher,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      consumer: 'notification-service.deliver-otp',
      events: [OtpRequestedEvent],
      handle: async (ctx, event, tx) => {
        const tenantId = tenantOf(ctx);
        await scopeToTenant(tx, tenantId);
        const p = event.payload;
        const expiresAt = new Date(p.expiresAt);
        const minutes = Math.max(1, Math.ceil((expiresAt.getTime() - Date.parse(event.occurredAt)) / 60_000));
        await this.dispatcher.dispatch(tx, tenantId, {
          templateKey: 'auth.otp',
          data: { code: p.code, expiresInMinutes: minutes, purpose: p.purpose },
          targets: [{ kind: 'address', channel: p.channel, address: p.destination }],
          locale: p.locale,
          dedupeKey: event.id,
          source: { eventId: event.id, eventType: event.type },
          expiresAt,
          traceparent: ctx.traceparent,
        });
      },
    });
  }
}

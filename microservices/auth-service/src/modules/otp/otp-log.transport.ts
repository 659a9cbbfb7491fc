import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AuthOtpRequestedV1 } from '@haat/contracts';
import { EventConsumers, SERVICE_CONFIG } from '@haat/service';
import type { AuthServiceConfig } from '../../config/auth-service.config.js';

/**
 * Embedded mode only: "delivers" sign-in codes by writing them to the log, so a developer can
 * sign in by OTP before notification-service sends real SMS. Never registered in distributed mode.
 */
@Injectable()
export class OtpLogTransport implements OnModuleInit {
  private readonly logger = new Logger('OtpLogTransport');

  constructor(
    private readonly consumers: EventConsumers,
    @Inject(SERVICE_CONFIG) private readonly config: AuthServiceConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.HAAT_MODE !== 'embedded') return;
    await this.consumers.register({
      consumer: 'auth-service.log-otp',
      events: [AuthOtpRequestedV1],
      handle: async (_ctx, event) => {
        const p = event.payload;
        this.logger.log(
          { channel: p.channel, destination: p.destination, code: p.code, expiresAt: p.expiresAt },
          `OTP for ${p.destination}: ${p.code} (embedded mode: not sent)`,
        );
      },
    });
  }
}

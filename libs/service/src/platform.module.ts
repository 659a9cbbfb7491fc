import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AppExceptionFilter, CLOCK, systemClock } from '@haat/common';
import { INTERNAL_SIGNING_SECRETS, InternalAuthGuard } from '@haat/tenant';
import { EventConsumers } from './event-consumers.js';
import type { ServiceRuntime } from './service-definition.js';
import { DATABASE, EVENT_TRANSPORT, SERVICE_CONFIG, SERVICE_RUNTIME } from './tokens.js';

/** Global providers every service gets: database, config, clock, the internal-auth guard and the error filter. */
@Module({})
export class PlatformModule {
  static forRoot(runtime: ServiceRuntime): DynamicModule {
    const secrets = [
      runtime.config.INTERNAL_SIGNING_SECRET,
      ...runtime.config.INTERNAL_SIGNING_SECRETS_PREVIOUS,
    ];
    return {
      module: PlatformModule,
      global: true,
      providers: [
        { provide: SERVICE_RUNTIME, useValue: runtime },
        { provide: DATABASE, useValue: runtime.database },
        { provide: EVENT_TRANSPORT, useValue: runtime.transport },
        EventConsumers,
        { provide: SERVICE_CONFIG, useValue: runtime.config },
        { provide: CLOCK, useValue: systemClock },
        { provide: INTERNAL_SIGNING_SECRETS, useValue: secrets },
        { provide: APP_GUARD, useClass: InternalAuthGuard },
        { provide: APP_FILTER, useClass: AppExceptionFilter },
      ],
      exports: [
        SERVICE_RUNTIME,
        DATABASE,
        EVENT_TRANSPORT,
        EventConsumers,
        SERVICE_CONFIG,
        CLOCK,
        INTERNAL_SIGNING_SECRETS,
      ],
    };
  }
}

import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@haat/auth';
import type { Clock } from '@haat/common';
import type { Database } from '@haat/database';
import { AUTH_CLOCK } from './infrastructure/auth-clock.js';
import { AccountsModule } from './modules/accounts/accounts.module.js';
import { ApiTokensModule } from './modules/api-tokens/api-tokens.module.js';
import { DemoModule } from './modules/demo/demo.module.js';
import { IdentityModule } from './modules/identity/identity.module.js';
import { OperatorsModule } from './modules/operators/operators.module.js';
import { OtpModule } from './modules/otp/otp.module.js';
import { DbRolePermissionSource } from './modules/roles/db-role-permission.source.js';
import { RolesModule } from './modules/roles/roles.module.js';
import { SocialModule } from './modules/social/social.module.js';

/** The clock every auth feature reads, global so feature modules need not import it. */
@Module({})
class AuthClockModule {
  static forRoot(clock: Clock): DynamicModule {
    return {
      module: AuthClockModule,
      global: true,
      providers: [{ provide: AUTH_CLOCK, useValue: clock }],
      exports: [AUTH_CLOCK],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(database: Database, clock: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AuthClockModule.forRoot(clock),
        AuthModule.forRoot({ roleSource: new DbRolePermissionSource(database) }),
        IdentityModule,
        AccountsModule,
        OtpModule,
        SocialModule,
        RolesModule,
        ApiTokensModule,
        OperatorsModule,
        DemoModule,
      ],
    };
  }
}

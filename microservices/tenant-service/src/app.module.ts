import { Module } from '@nestjs/common';
import { AuthModule } from '@haat/auth';
import { GrpcModule } from './infrastructure/grpc/grpc.module.js';
import { DomainsModule } from './modules/domains/domains.module.js';
import { FeaturesModule } from './modules/features/features.module.js';
import { LimitsModule } from './modules/limits/limits.module.js';
import { PlansModule } from './modules/plans/plans.module.js';
import { ResolutionModule } from './modules/resolution/resolution.module.js';
import { TenantsModule } from './modules/tenants/tenants.module.js';

@Module({
  imports: [
    AuthModule.forRoot({}),
    PlansModule,
    TenantsModule,
    DomainsModule,
    FeaturesModule,
    LimitsModule,
    ResolutionModule,
    GrpcModule,
  ],
})
export class AppModule {}

import { Module } from '@nestjs/common';
import { LimitsModule } from '../../modules/limits/limits.module.js';
import { ResolutionModule } from '../../modules/resolution/resolution.module.js';
import { TenantDirectoryGrpcServer } from './tenant-directory.grpc-server.js';

/** The gRPC face of the service; started by the service definition's `onStarted`. */
@Module({
  imports: [ResolutionModule, LimitsModule],
  providers: [TenantDirectoryGrpcServer],
  exports: [TenantDirectoryGrpcServer],
})
export class GrpcModule {}

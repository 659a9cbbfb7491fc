import { Module } from '@nestjs/common';
import { CommissionsModule } from '../../modules/commissions/commissions.module.js';
import { CommissionsGrpcServer } from './commissions.grpc-server.js';

/** The gRPC face of the service; started by the service definition's `onStarted`. */
@Module({
  imports: [CommissionsModule],
  providers: [CommissionsGrpcServer],
  exports: [CommissionsGrpcServer],
})
export class GrpcModule {}

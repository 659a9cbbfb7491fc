import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { OtpLogTransport } from './otp-log.transport.js';
import { OtpController } from './otp.controller.js';
import { OtpRepository } from './otp.repository.js';
import { OtpService } from './otp.service.js';

@Module({
  imports: [IdentityModule],
  controllers: [OtpController],
  providers: [OtpRepository, OtpService, OtpLogTransport],
})
export class OtpModule {}

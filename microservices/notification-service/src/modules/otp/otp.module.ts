import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module.js';
import { OtpDeliveryConsumer } from './otp-delivery.consumer.js';

@Module({ imports: [DeliveriesModule], providers: [OtpDeliveryConsumer] })
export class OtpModule {}

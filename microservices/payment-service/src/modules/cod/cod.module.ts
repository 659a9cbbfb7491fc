import { Module } from '@nestjs/common';
import { IntentsModule } from '../intents/intents.module.js';
import { CodCollectedConsumer } from './cod-collected.consumer.js';

@Module({ imports: [IntentsModule], providers: [CodCollectedConsumer] })
export class CodModule {}

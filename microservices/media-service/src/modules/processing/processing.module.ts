import { Module } from '@nestjs/common';
import { AssetsModule } from '../assets/assets.module.js';
import { AssetProcessingConsumer } from './asset-processing.consumer.js';
import { AssetProcessor } from './asset.processor.js';

@Module({ imports: [AssetsModule], providers: [AssetProcessor, AssetProcessingConsumer] })
export class ProcessingModule {}

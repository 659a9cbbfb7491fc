import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { DemoSeeder } from './demo-seeder.js';

@Module({ imports: [IdentityModule], providers: [DemoSeeder] })
export class DemoModule {}

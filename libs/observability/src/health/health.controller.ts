import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { HealthRegistry, readinessHttpStatus } from './health.registry.js';
import type { LivenessReport, ReadinessReport } from './health.schema.js';
import { Public } from './public-route.decorator.js';

/** `GET /health/live` and `GET /health/ready`, open to probes without a signature. */
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  @Public()
  @Get('live')
  live(): LivenessReport {
    return this.registry.live();
  }

  @Public()
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessReport> {
    const report = await this.registry.ready();
    reply.status(readinessHttpStatus(report));
    return report;
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { RequirePermissions } from '@haat/auth';
import { parseOrThrow } from '@haat/common';
import { SessionRevocationsQuerySchema } from '@haat/contracts';
import { PlatformScope } from '@haat/tenant';
import { SessionsService } from './sessions.service.js';

/** For the gateway: sessions revoked recently, to fill its revocation cache at start-up. */
@Controller('internal/v1/auth/revocations')
@PlatformScope()
@RequirePermissions('auth-internal:introspect')
export class RevocationsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  list(@Query() query: unknown) {
    const { since } = parseOrThrow(SessionRevocationsQuerySchema, query, 'query');
    return this.sessions.revocationsSince(new Date(since));
  }
}

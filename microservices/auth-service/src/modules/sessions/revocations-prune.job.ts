import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Clock } from '@haat/common';
import type { Database } from '@haat/database';
import { DATABASE } from '@haat/service';
import { lt } from 'drizzle-orm';
import { AUTH_CLOCK } from '../../infrastructure/auth-clock.js';
import { sessionRevocations } from './sessions.schema.js';

const EVERY_MS = 3_600_000;

/** Drops revocations whose access tokens have all expired: nobody needs to refuse them any more. */
@Injectable()
export class RevocationsPruneJob implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('RevocationsPruneJob');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => {
      this.prune().catch((err: unknown) => this.logger.warn({ err }, 'pruning revocations failed'));
    }, EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async prune(): Promise<number> {
    const rows = await this.database.db
      .delete(sessionRevocations)
      .where(lt(sessionRevocations.accessTokensValidUntil, this.clock.now()))
      .returning({ id: sessionRevocations.sessionId });
    return rows.length;
  }
}

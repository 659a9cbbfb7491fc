import { Inject, Injectable } from '@nestjs/common';
import {
  decodeCursor,
  newId,
  NotFoundError,
  type Page,
  type PageQuery,
  toPage,
  UnauthorizedError,
  UnavailableError,
  ValidationError,
} from '@haat/common';
import type { Database, DbExecutor } from '@haat/database';
import { DATABASE, SERVICE_CONFIG } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { z } from 'zod';
import type { NotificationServiceConfig } from '../../config/notification-service.config.js';
import { VapidKeyStore } from '../../infrastructure/push/vapid-key.store.js';
import { RECIPIENT_ERRORS } from '../recipients/recipients.errors.js';
import type { CreatePushSubscription, PushSubscription } from './dto/push-subscription.dto.js';
import { pushEndpointProblem } from './push-endpoint.rules.js';
import { PUSH_ERRORS } from './push.errors.js';
import { PushSubscriptionsRepository } from './push-subscriptions.repository.js';
import type { PushSubscriptionRow } from './push-subscriptions.schema.js';

const IdCursorSchema = z.object({ id: z.string().uuid() });

/** People's browsers that accept web push, and the key they subscribe with. */
@Injectable()
export class PushSubscriptionsService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationServiceConfig,
    private readonly repository: PushSubscriptionsRepository,
    private readonly keys: VapidKeyStore,
  ) {}

  /** The VAPID public key the browser passes to `PushManager.subscribe()` as `applicationServerKey`. */
  async publicKey(): Promise<{ publicKey: string }> {
    const keys = await this.keys.keys();
    if (!keys) throw new UnavailableError(PUSH_ERRORS.disabled, 'Web push is not configured');
    return { publicKey: keys.publicKey };
  }

  async subscribe(ctx: TenantContext, body: CreatePushSubscription): Promise<PushSubscription> {
    const userId = signedIn(ctx);
    const problem = pushEndpointProblem(body.endpoint, this.config.PUSH_ALLOW_PRIVATE_ENDPOINTS);
    if (problem) {
      throw new ValidationError('VALIDATION_FAILED', `Invalid body: endpoint: ${problem}`, {
        in: 'body',
        fields: [{ field: 'endpoint', message: problem, code: 'custom' }],
      });
    }
    await this.publicKey();
    const row = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repository.upsert(tx, {
        id: newId(),
        tenantId: ctx.tenantId,
        userId,
        endpoint: body.endpoint,
        p256dh: body.keys.p256dh,
        auth: body.keys.auth,
        userAgent: body.userAgent ?? null,
      }),
    );
    return toSubscription(row);
  }

  async list(ctx: TenantContext, query: PageQuery): Promise<Page<PushSubscription>> {
    const userId = signedIn(ctx);
    const after = decodeCursor(query.cursor, IdCursorSchema);
    const rows = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repository.listForUser(tx, ctx.tenantId, userId, query.limit, after?.id),
    );
    return toPage(rows, query.limit, (r) => ({ id: r.id }), toSubscription);
  }

  async unsubscribe(ctx: TenantContext, id: string): Promise<void> {
    const userId = signedIn(ctx);
    const deleted = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repository.deleteForUser(tx, ctx.tenantId, userId, id),
    );
    if (!deleted)
      throw new NotFoundError(PUSH_ERRORS.subscriptionNotFound, 'No such push subscription', { id });
  }

  /** The subscriptions a message to `userId` goes to. */
  forUser(db: DbExecutor, tenantId: string, userId: string): Promise<PushSubscriptionRow[]> {
    return this.repository.listForUser(db, tenantId, userId, 50);
  }

  find(db: DbExecutor, tenantId: string, id: string): Promise<PushSubscriptionRow | undefined> {
    return this.repository.find(db, tenantId, id);
  }

  /** Forgets a subscription its push service says is gone (404/410). */
  forget(db: DbExecutor, tenantId: string, id: string): Promise<void> {
    return this.repository.delete(db, tenantId, id);
  }
}

function signedIn(ctx: TenantContext): string {
  if (!ctx.userId)
    throw new UnauthorizedError(RECIPIENT_ERRORS.userRequired, 'Sign in to manage notifications');
  return ctx.userId;
}

function toSubscription(row: PushSubscriptionRow): PushSubscription {
  return {
    id: row.id,
    endpoint: row.endpoint,
    userAgent: row.userAgent,
    createdAt: row.createdAt.toISOString(),
  };
}

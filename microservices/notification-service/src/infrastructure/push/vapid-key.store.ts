import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Database } from '@haat/database';
import { DATABASE } from '@haat/service';
import { eq } from 'drizzle-orm';
import webpush from 'web-push';
import type { NotificationSettings } from '../../config/notification.settings.js';
import { NOTIFICATION_SETTINGS } from '../channels/notification-settings.token.js';
import { vapidKeys } from './vapid-keys.schema.js';

export interface VapidKeyPair {
  publicKey: string;
  privateKey: string;
}

/**
 * The VAPID key pair web push signs with: the configured one, or in embedded mode one generated
 * on first start and kept in the database (every instance and restart uses the same, since
 * browsers tie their subscriptions to the public key). Undefined when push is off.
 */
@Injectable()
export class VapidKeyStore {
  private readonly logger = new Logger('VapidKeyStore');
  private loaded: Promise<VapidKeyPair | undefined> | undefined;

  constructor(
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(DATABASE) private readonly database: Database,
  ) {}

  keys(): Promise<VapidKeyPair | undefined> {
    this.loaded ??= this.load().catch((err: unknown) => {
      this.loaded = undefined;
      throw err;
    });
    return this.loaded;
  }

  private async load(): Promise<VapidKeyPair | undefined> {
    const vapid = this.settings.vapid;
    if (vapid.kind === 'configured') return { publicKey: vapid.publicKey, privateKey: vapid.privateKey };
    if (vapid.kind === 'disabled') return undefined;
    const generated = webpush.generateVAPIDKeys();
    // Several instances may start together: the first insert wins and everyone reads it back.
    await this.database.db
      .insert(vapidKeys)
      .values({ id: 1, ...generated })
      .onConflictDoNothing();
    const [row] = await this.database.db.select().from(vapidKeys).where(eq(vapidKeys.id, 1));
    if (!row) throw new Error('VAPID keys could not be stored');
    if (row.publicKey === generated.publicKey) this.logger.log('generated the embedded VAPID key pair');
    return { publicKey: row.publicKey, privateKey: row.privateKey };
  }
}

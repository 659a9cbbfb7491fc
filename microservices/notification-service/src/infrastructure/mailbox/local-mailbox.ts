import { resolve } from 'node:path';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { SERVICE_CONFIG } from '@haat/service';
import type { NotificationServiceConfig } from '../../config/notification-service.config.js';
import type { NotificationSettings } from '../../config/notification.settings.js';
import { NOTIFICATION_SETTINGS } from '../channels/notification-settings.token.js';
import { MailboxSmtpServer } from './mailbox-smtp.server.js';
import { MailboxStore } from './mailbox.store.js';

/**
 * The embedded mailbox when it is enabled: its store and its SMTP server, started with the app
 * (before anything can send) and stopped with it.
 */
@Injectable()
export class LocalMailbox implements OnModuleInit, OnModuleDestroy {
  private readonly mailbox: { store: MailboxStore; server: MailboxSmtpServer } | undefined;
  private url: string | undefined;

  constructor(
    @Inject(NOTIFICATION_SETTINGS) settings: NotificationSettings,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationServiceConfig,
  ) {
    if (settings.mailboxEnabled) {
      const store = new MailboxStore(resolve(config.MAILBOX_DIR), config.MAILBOX_MAX_MESSAGES);
      this.mailbox = { store, server: new MailboxSmtpServer(store) };
    }
  }

  get enabled(): boolean {
    return this.mailbox !== undefined;
  }

  /** The store, or undefined when the mailbox is off. */
  get store(): MailboxStore | undefined {
    return this.mailbox?.store;
  }

  /** Where to send email to reach the mailbox. */
  get smtpUrl(): string {
    if (!this.url) throw new Error('The local mailbox is not running');
    return this.url;
  }

  async onModuleInit(): Promise<void> {
    if (!this.mailbox) return;
    this.url = await this.mailbox.server.start(this.config.MAILBOX_SMTP_HOST, this.config.MAILBOX_SMTP_PORT);
  }

  async onModuleDestroy(): Promise<void> {
    await this.mailbox?.server.stop();
  }
}

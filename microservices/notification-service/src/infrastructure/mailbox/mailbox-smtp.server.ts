import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { Logger } from '@nestjs/common';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { MailboxStore } from './mailbox.store.js';

/** The header the email sender stamps every message with, so the mailbox can file it by tenant. */
export const TENANT_HEADER = 'x-haat-tenant-id';

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * The local SMTP server of embedded mode: accepts any message for any recipient (no TLS, no
 * login; it listens on loopback), parses it and files it in the `MailboxStore`.
 */
export class MailboxSmtpServer {
  private readonly logger = new Logger('MailboxSmtpServer');
  private readonly server: SMTPServer;
  private address: AddressInfo | undefined;

  constructor(private readonly store: MailboxStore) {
    this.server = new SMTPServer({
      name: 'haat-mailbox',
      banner: 'Haat local mailbox',
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      size: MAX_MESSAGE_BYTES,
      logger: false,
      onData: (stream, session, done) => {
        this.receive(stream, session).then(
          () => done(),
          (err: unknown) => done(err instanceof Error ? err : new Error(String(err))),
        );
      },
    });
    this.server.on('error', (err) => this.logger.warn({ err }, 'mailbox SMTP connection error'));
  }

  /** Listens on `host:port` (0 picks a free port); resolves with the SMTP URL to send to. */
  async start(host: string, port: number): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.server.off('error', reject);
        resolve();
      });
    });
    this.address = this.server.server.address() as AddressInfo;
    this.logger.log(`local mailbox listening on ${this.url}`);
    return this.url;
  }

  get url(): string {
    if (!this.address) throw new Error('The mailbox SMTP server is not listening');
    const host = this.address.family === 'IPv6' ? `[${this.address.address}]` : this.address.address;
    return `smtp://${host}:${this.address.port}`;
  }

  async stop(): Promise<void> {
    if (!this.address) return;
    this.address = undefined;
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async receive(stream: Readable, session: SMTPServerSession): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    if ((stream as Readable & { sizeExceeded?: boolean }).sizeExceeded) {
      throw Object.assign(new Error('Message exceeds the mailbox size limit'), { responseCode: 552 });
    }
    const raw = Buffer.concat(chunks);
    const parsed = await simpleParser(raw);
    const tenantHeader = parsed.headers.get(TENANT_HEADER);
    const from = session.envelope.mailFrom;
    await this.store.save(
      {
        tenantId: typeof tenantHeader === 'string' ? tenantHeader.trim() : null,
        kind: 'email',
        from: parsed.from?.text ?? (from ? from.address : null),
        to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
        subject: parsed.subject ?? null,
        text: parsed.text ?? null,
        html: typeof parsed.html === 'string' ? parsed.html : null,
        messageId: parsed.messageId ?? null,
      },
      raw,
    );
  }
}

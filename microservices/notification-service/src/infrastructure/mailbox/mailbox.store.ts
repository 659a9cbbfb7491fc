import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isUuid, newId } from '@haat/common';
import { type MailboxMessage, MailboxMessageSchema, type MailboxScope } from './mailbox-message.js';

const UNADDRESSED = '_unaddressed';

export interface MailboxListOptions {
  limit: number;
  /** Only messages older than this id (ids are time-ordered UUIDv7). */
  beforeId?: string;
  /** Only messages to this address or number. */
  to?: string;
}

/**
 * The local mailbox's messages on disk, one folder per tenant: `<id>.json` (parsed) and, for
 * email, `<id>.eml` (the raw message). It stands in for an outside mail server, so it keeps its
 * own store rather than rows in the service's tenant tables. Folder and file names only ever
 * come from validated UUIDs, never from what a message says.
 */
export class MailboxStore {
  constructor(
    private readonly dir: string,
    private readonly maxPerTenant: number,
  ) {}

  /** Stores a message; 'duplicate' when one with the same tenant and message id is already kept. */
  async save(
    message: Omit<MailboxMessage, 'id' | 'receivedAt'>,
    raw?: Buffer,
  ): Promise<MailboxMessage | 'duplicate'> {
    const tenantId = message.tenantId && isUuid(message.tenantId) ? message.tenantId.toLowerCase() : null;
    const folder = this.folder(tenantId);
    await mkdir(join(folder, '.ids'), { recursive: true });
    const id = newId();
    if (message.messageId) {
      const marker = join(folder, '.ids', digest(message.messageId));
      try {
        await writeFile(marker, id, { flag: 'wx' });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') return 'duplicate';
        throw err;
      }
    }
    const stored: MailboxMessage = { ...message, tenantId, id, receivedAt: new Date().toISOString() };
    if (raw) await writeAtomically(join(folder, `${id}.eml`), raw);
    await writeAtomically(join(folder, `${id}.json`), JSON.stringify(stored));
    await this.prune(folder);
    return stored;
  }

  /** Newest first, `limit + 1` at most (the extra one says there are more). */
  async list(scope: MailboxScope, options: MailboxListOptions): Promise<MailboxMessage[]> {
    const ids: { folder: string; id: string }[] = [];
    for (const folder of await this.folders(scope)) {
      for (const id of await messageIds(folder)) {
        if (!options.beforeId || id < options.beforeId) ids.push({ folder, id });
      }
    }
    ids.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    const out: MailboxMessage[] = [];
    for (const { folder, id } of ids) {
      const message = await readMessage(folder, id);
      if (!message || (options.to && !message.to.includes(options.to))) continue;
      out.push(message);
      if (out.length > options.limit) break;
    }
    return out;
  }

  async get(scope: MailboxScope, id: string): Promise<MailboxMessage | undefined> {
    const found = await this.locate(scope, id);
    return found?.message;
  }

  /** The raw RFC 5322 source of an email. */
  async raw(scope: MailboxScope, id: string): Promise<Buffer | undefined> {
    const found = await this.locate(scope, id);
    if (!found || found.message.kind !== 'email') return undefined;
    return readFile(join(found.folder, `${id}.eml`)).catch(() => undefined);
  }

  private async locate(
    scope: MailboxScope,
    id: string,
  ): Promise<{ folder: string; message: MailboxMessage } | undefined> {
    if (!isUuid(id)) return undefined;
    for (const folder of await this.folders(scope)) {
      const message = await readMessage(folder, id);
      if (message) return { folder, message };
    }
    return undefined;
  }

  private folder(tenantId: string | null): string {
    return join(this.dir, tenantId && isUuid(tenantId) ? tenantId.toLowerCase() : UNADDRESSED);
  }

  private async folders(scope: MailboxScope): Promise<string[]> {
    if (scope !== 'all') return [this.folder(scope.tenantId)];
    const entries = await readdir(this.dir, { withFileTypes: true }).catch(() => []);
    return entries
      .filter((e) => e.isDirectory() && (isUuid(e.name) || e.name === UNADDRESSED))
      .map((e) => join(this.dir, e.name));
  }

  private async prune(folder: string): Promise<void> {
    const ids = await messageIds(folder);
    const excess = ids.length - this.maxPerTenant;
    for (const id of ids.sort().slice(0, Math.max(0, excess))) {
      const message = await readMessage(folder, id);
      await rm(join(folder, `${id}.json`), { force: true });
      await rm(join(folder, `${id}.eml`), { force: true });
      if (message?.messageId) await rm(join(folder, '.ids', digest(message.messageId)), { force: true });
    }
  }
}

async function messageIds(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  return names
    .filter((n) => n.endsWith('.json'))
    .map((n) => n.slice(0, -'.json'.length))
    .filter(isUuid);
}

async function readMessage(folder: string, id: string): Promise<MailboxMessage | undefined> {
  try {
    const parsed = MailboxMessageSchema.safeParse(
      JSON.parse(await readFile(join(folder, `${id}.json`), 'utf8')),
    );
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function writeAtomically(path: string, data: string | Buffer): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}

function digest(messageId: string): string {
  return createHash('sha256').update(messageId).digest('hex');
}

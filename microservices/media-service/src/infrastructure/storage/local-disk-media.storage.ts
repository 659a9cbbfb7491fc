import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { MediaStorage, StoredObject } from './media.storage.js';

/**
 * Media on local disk under `root`. Writes go to a temporary file in the same folder, are
 * fsynced and renamed into place (atomic on one filesystem).
 */
export class LocalDiskMediaStorage implements MediaStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    const path = resolve(this.root, key);
    // Keys are built by the service, but a key must never reach outside the root.
    if (!path.startsWith(this.root + sep)) throw new Error(`Storage key outside the root: ${key}`);
    return path;
  }

  async put(key: string, body: Buffer | { path: string }): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      if (Buffer.isBuffer(body)) {
        const handle = await open(temp, 'w');
        try {
          await handle.writeFile(body);
          await handle.sync();
        } finally {
          await handle.close();
        }
      } else {
        await copyFile(body.path, temp);
      }
      await rename(temp, target);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<StoredObject | undefined> {
    const path = this.pathOf(key);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    return { stream: createReadStream(path), bytes: info.size };
  }

  async download(key: string, path: string): Promise<boolean> {
    const source = this.pathOf(key);
    if (!(await stat(source).catch(() => undefined))) return false;
    await copyFile(source, path);
    return true;
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async removePrefix(prefix: string): Promise<void> {
    const dir = this.pathOf(prefix.replace(/\/+$/, ''));
    await rm(dir, { recursive: true, force: true });
  }

  /** For tests and tools: the absolute path of a key. */
  locate(key: string): string {
    return join(this.pathOf(key));
  }
}

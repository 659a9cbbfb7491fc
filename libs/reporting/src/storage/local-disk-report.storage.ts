import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import type { ReportFileRef, ReportStorage } from './report.storage.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}\.pdf$/i;

function isErrno(err: unknown, code: string): boolean {
  return err instanceof Error && (err as NodeJS.ErrnoException).code === code;
}

/**
 * Report files on the local disk, at `<rootDir>/<tenantId>/<reportId>.pdf`. A write goes to a
 * temporary file in the same directory, is flushed to disk, then renamed over the target, so
 * a crash or a concurrent reader never sees half a PDF.
 */
export class LocalDiskReportStorage implements ReportStorage {
  private readonly root: string;

  constructor(rootDir: string) {
    this.root = resolve(rootDir);
  }

  async put(ref: ReportFileRef, pdf: Uint8Array): Promise<string> {
    if (!UUID.test(ref.tenantId) || !UUID.test(ref.reportId)) {
      throw new Error('Report file ids must be UUIDs');
    }
    const key = `${ref.tenantId.toLowerCase()}/${ref.reportId.toLowerCase()}.pdf`;
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    const temp = join(dirname(target), `.${ref.reportId}.${randomBytes(6).toString('hex')}.tmp`);
    const file = await open(temp, 'wx', 0o640);
    try {
      await file.writeFile(pdf);
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await rename(temp, target);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    return key;
  }

  async open(key: string): Promise<Readable | undefined> {
    const path = this.pathOf(key);
    const handle = await open(path, 'r').catch((err: unknown) => {
      if (isErrno(err, 'ENOENT')) return undefined;
      throw err;
    });
    // Opening first turns a missing file into `undefined` here, not an error event on the stream.
    return handle?.createReadStream();
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** The absolute path of `key`, refusing anything that is not `<uuid>/<uuid>.pdf`. */
  pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`Not a report file key: ${key}`);
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new Error(`Not a report file key: ${key}`);
    return path;
  }
}

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { newId } from '@haat/common';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalDiskReportStorage } from '../src/storage/local-disk-report.storage.js';

let root: string;
let storage: LocalDiskReportStorage;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'haat-report-store-'));
  storage = new LocalDiskReportStorage(root);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('LocalDiskReportStorage', () => {
  it('stores a file at <root>/<tenantId>/<reportId>.pdf and leaves no temporary file', async () => {
    const ref = { tenantId: newId(), reportId: newId() };
    const key = await storage.put(ref, Buffer.from('%PDF-1.7 first'));
    expect(key).toBe(`${ref.tenantId}/${ref.reportId}.pdf`);
    expect(await readFile(join(root, ref.tenantId, `${ref.reportId}.pdf`), 'utf8')).toBe('%PDF-1.7 first');
    expect(await readdir(join(root, ref.tenantId))).toEqual([`${ref.reportId}.pdf`]);
  });

  it('replaces a stored file whole', async () => {
    const ref = { tenantId: newId(), reportId: newId() };
    const key = await storage.put(ref, Buffer.from('old'));
    await storage.put(ref, Buffer.from('new and longer'));
    const stream = await storage.open(key);
    expect(stream && (await buffer(stream)).toString()).toBe('new and longer');
  });

  it('opens a missing file as undefined and removes it quietly', async () => {
    const key = `${newId()}/${newId()}.pdf`;
    expect(await storage.open(key)).toBeUndefined();
    await expect(storage.remove(key)).resolves.toBeUndefined();
  });

  it('refuses keys and ids that could leave the root', async () => {
    await expect(storage.open('../../etc/passwd')).rejects.toThrow(/Not a report file key/);
    await expect(storage.put({ tenantId: '..', reportId: newId() }, Buffer.from('x'))).rejects.toThrow(
      /UUIDs/,
    );
  });
});

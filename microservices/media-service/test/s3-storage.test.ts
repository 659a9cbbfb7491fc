import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { newId } from '@haat/common';
import S3rver from 's3rver';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type Harness, multipart, staff, startHarness } from './support/media-service.harness.js';

interface Asset {
  id: string;
  status: string;
  renditions: { url: string; contentType: string; width: number | null }[];
}

let s3: S3rver;
let endpoint: string;
let dir: string;
let h: Harness;
const tenant = newId();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'haat-s3rver-'));
  s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: 'media' }],
  });
  const { port } = await s3.run();
  endpoint = `http://127.0.0.1:${port}`;
  h = await startHarness({
    MEDIA_STORAGE: 's3',
    S3_BUCKET: 'media',
    S3_ENDPOINT: endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
  });
});
afterAll(async () => {
  await h?.close();
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('S3-compatible storage', () => {
  it('keeps sources and renditions in the bucket and serves them back, then deletes them with the asset', async () => {
    const photo = await sharp({ create: { width: 700, height: 500, channels: 3, background: '#1a5276' } })
      .jpeg()
      .toBuffer();
    const form = multipart({ bytes: photo, name: 'p.jpg', type: 'image/jpeg' });
    const created = await h.call<Asset>('POST', '/v1/media', {
      as: staff(tenant),
      body: form.body,
      contentType: form.contentType,
    });
    expect(created.status, created.text).toBe(201);
    const asset = await eventually(
      () => h.call<Asset>('GET', `/v1/media/${created.json.id}`, { as: staff(tenant) }),
      (r) => r.json.status !== 'processing',
    );
    expect(asset.json.status).toBe('ready');
    const client = new S3Client({
      region: 'us-east-1',
      endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const listed = await client.send(
      new ListObjectsV2Command({ Bucket: 'media', Prefix: `${tenant}/${asset.json.id}/` }),
    );
    // Six renditions (two widths × three formats) and the cleaned source.
    expect(listed.Contents).toHaveLength(7);
    const webp = asset.json.renditions.find((r) => r.contentType === 'image/webp' && r.width === 640);
    const file = await h.raw('GET', webp?.url as string);
    expect(file.status).toBe(200);
    expect((await sharp(file.body).metadata()).format).toBe('webp');

    expect((await h.call('DELETE', `/v1/media/${asset.json.id}`, { as: staff(tenant) })).status).toBe(204);
    const after = await client.send(
      new ListObjectsV2Command({ Bucket: 'media', Prefix: `${tenant}/${asset.json.id}/` }),
    );
    expect(after.Contents ?? []).toHaveLength(0);
    client.destroy();
  });
});

import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { newId } from '@haat/common';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Caller,
  eventually,
  type Harness,
  multipart,
  serviceFor,
  staff,
  startHarness,
} from './support/media-service.harness.js';

const run = promisify(execFile);

interface Rendition {
  role: string;
  url: string;
  contentType: string;
  width: number | null;
  height: number | null;
}
interface Asset {
  id: string;
  kind: string;
  status: string;
  contentType: string | null;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  error: string | null;
  renditions: Rendition[];
  poster: Rendition | null;
}
interface ErrorJson {
  error: { code: string };
}

let h: Harness;
const tenantA = newId();
const tenantB = newId();
const MAX_UPLOAD = 2 * 1024 * 1024;

async function photoWithGps(width = 1000, height = 700): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#d35400' } })
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: 'PhoneCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '23/1 48/1 0/1' } })
    .toBuffer();
}

async function ready(id: string, as: Caller = staff(tenantA)): Promise<Asset> {
  const r = await eventually(
    () => h.call<Asset>('GET', `/v1/media/${id}`, { as }),
    (x) => x.json.status === 'ready' || x.json.status === 'failed',
  );
  return r.json;
}

beforeAll(async () => {
  h = await startHarness({ MEDIA_MAX_UPLOAD_BYTES: String(MAX_UPLOAD) });
});
afterAll(async () => {
  await h?.close();
});

describe('image uploads', () => {
  it('turns a real photo into decodable AVIF, WebP and JPEG variants at each width, without EXIF or GPS', async () => {
    const form = multipart(
      { bytes: await photoWithGps(), name: 'shirt.jpg', type: 'image/jpeg' },
      { purpose: 'product' },
    );
    const created = await h.call<Asset>('POST', '/v1/media', {
      as: staff(tenantA),
      body: form.body,
      contentType: form.contentType,
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json.status).toBe('processing');
    const asset = await ready(created.json.id);
    expect(asset).toMatchObject({ status: 'ready', width: 1000, height: 700, contentType: 'image/jpeg' });
    expect(asset.renditions.map((r) => `${r.contentType}@${r.width}`).sort()).toEqual([
      'image/avif@320',
      'image/avif@640',
      'image/jpeg@320',
      'image/jpeg@640',
      'image/webp@320',
      'image/webp@640',
    ]);
    for (const r of asset.renditions) {
      const file = await h.raw('GET', r.url);
      expect(file.status).toBe(200);
      expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(r.url).toMatch(/\/[0-9a-f]{16}-w\d+\.(avif|webp|jpg)$/);
      const meta = await sharp(file.body).metadata();
      expect(meta.format).toBe(
        { 'image/avif': 'heif', 'image/webp': 'webp', 'image/jpeg': 'jpeg' }[r.contentType],
      );
      expect(meta.width).toBe(r.width);
      expect(meta.exif).toBeUndefined();
      const pixels = await sharp(file.body).raw().toBuffer({ resolveWithObject: true });
      expect(pixels.info.width * pixels.info.height).toBeGreaterThan(0);
    }
    const [event] = await h.outbox('media.asset-ready.v1', asset.id);
    expect(event?.payload).toMatchObject({ assetId: asset.id, kind: 'image', width: 1000 });
  });

  it('refuses a .jpg that is not an image (415), a non-multipart body (415) and a file over the limit (413)', async () => {
    const fake = multipart({
      bytes: Buffer.from('just some text, definitely not a JPEG'),
      name: 'photo.jpg',
      type: 'image/jpeg',
    });
    const refused = await h.call<ErrorJson>('POST', '/v1/media', {
      as: staff(tenantA),
      body: fake.body,
      contentType: fake.contentType,
    });
    expect(refused.status).toBe(415);
    expect(refused.json.error.code).toBe('MEDIA_CONTENT_MISMATCH');
    const json = await h.call<ErrorJson>('POST', '/v1/media', { as: staff(tenantA), json: { file: 'x' } });
    expect(json.status).toBe(415);
    const big = multipart({ bytes: Buffer.alloc(MAX_UPLOAD + 10, 1), name: 'huge.jpg', type: 'image/jpeg' });
    const tooBig = await h.call<ErrorJson>('POST', '/v1/media', {
      as: staff(tenantA),
      body: big.body,
      contentType: big.contentType,
    });
    expect(tooBig.status).toBe(413);
  });

  it('marks an image it cannot decode as failed instead of retrying forever', async () => {
    const truncated = (await photoWithGps()).subarray(0, 400);
    const form = multipart({ bytes: truncated, name: 'broken.jpg', type: 'image/jpeg' });
    const created = await h.call<Asset>('POST', '/v1/media', {
      as: staff(tenantA),
      body: form.body,
      contentType: form.contentType,
    });
    expect(created.status, created.text).toBe(201);
    const asset = await ready(created.json.id);
    expect(asset.status).toBe('failed');
    expect(await h.outbox('media.asset-failed.v1', asset.id)).toHaveLength(1);
  });
});

describe('video uploads', () => {
  it('turns a short video into an H.264/AAC MP4 and a poster, through a signed direct upload', async () => {
    const source = join(h.dir, 'clip.mkv');
    await run('ffmpeg', [
      '-nostdin',
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'testsrc=duration=2:size=320x240:rate=15',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:duration=2',
      '-c:v',
      'mpeg4',
      '-c:a',
      'libvorbis',
      source,
    ]);
    const created = await h.call<{ asset: Asset; upload: { url: string } }>('POST', '/v1/media/uploads', {
      as: staff(tenantA),
      json: { fileName: 'clip.mkv', contentType: 'video/x-matroska', purpose: 'product' },
    });
    expect(created.status, created.text).toBe(201);
    const { readFile } = await import('node:fs/promises');
    const put = await h.raw('PUT', created.json.upload.url, {
      body: await readFile(source),
      headers: { 'content-type': 'video/x-matroska' },
    });
    expect(put.status, put.text).toBe(202);
    const asset = await ready(created.json.asset.id);
    expect(asset).toMatchObject({ status: 'ready', kind: 'video', width: 320, height: 240 });
    expect(asset.durationMs).toBeGreaterThan(1_500);
    const mp4 = asset.renditions.find((r) => r.contentType === 'video/mp4');
    expect(mp4).toBeDefined();
    const file = await h.raw('GET', mp4?.url as string);
    const out = join(h.dir, 'out.mp4');
    await writeFile(out, file.body);
    const probe = JSON.parse(
      (await run('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_streams', out])).stdout,
    ) as {
      streams: { codec_name: string }[];
    };
    expect(probe.streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    const poster = await h.raw('GET', asset.poster?.url as string);
    expect((await sharp(poster.body).metadata()).format).toBe('jpeg');
  });

  it('refuses a direct upload whose bytes are not the announced video', async () => {
    const created = await h.call<{ asset: Asset; upload: { url: string } }>('POST', '/v1/media/uploads', {
      as: staff(tenantA),
      json: { fileName: 'movie.mp4', contentType: 'video/mp4' },
    });
    const put = await h.raw<ErrorJson>('PUT', created.json.upload.url, {
      body: await photoWithGps(64, 64),
      headers: { 'content-type': 'video/mp4' },
    });
    expect(put.status).toBe(415);
    expect(put.json.error.code).toBe('MEDIA_CONTENT_MISMATCH');
    const forged = await h.raw(
      'PUT',
      created.json.upload.url.replace(/signature=[0-9a-f]{4}/, 'signature=0000'),
      {
        body: Buffer.from('x'),
        headers: { 'content-type': 'video/mp4' },
      },
    );
    expect(forged.status).toBe(401);
  });
});

describe('stored documents', () => {
  it('keeps a PDF for another service and hands it out through a signed, expiring URL only', async () => {
    const pdf = Buffer.from(
      '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
    );
    const stored = await h.call<Asset>('POST', '/v1/media/documents?purpose=report&fileName=sales.pdf', {
      as: serviceFor(tenantA),
      body: pdf,
      contentType: 'application/pdf',
    });
    expect(stored.status, stored.text).toBe(201);
    expect(stored.json).toMatchObject({ kind: 'file', status: 'ready', contentType: 'application/pdf' });
    const link = await h.call<{ url: string }>('POST', `/v1/media/${stored.json.id}/download-url`, {
      as: staff(tenantA),
    });
    const file = await h.raw('GET', link.json.url);
    expect(file.status).toBe(200);
    expect(file.body.equals(pdf)).toBe(true);
    expect(file.headers.get('content-disposition')).toContain('sales.pdf');
    const tampered = await h.raw('GET', link.json.url.replace(/tenant=[^&]+/, `tenant=${tenantB}`));
    expect(tampered.status).toBe(401);
  });
});

describe('tenant isolation', () => {
  it("keeps tenant B away from tenant A's media", async () => {
    const form = multipart({ bytes: await photoWithGps(100, 100), name: 'a.jpg', type: 'image/jpeg' });
    const created = await h.call<Asset>('POST', '/v1/media', {
      as: staff(tenantA),
      body: form.body,
      contentType: form.contentType,
    });
    await ready(created.json.id);
    expect((await h.call('GET', `/v1/media/${created.json.id}`, { as: staff(tenantB) })).status).toBe(404);
    expect(
      (await h.call('POST', `/v1/media/${created.json.id}/download-url`, { as: staff(tenantB) })).status,
    ).toBe(404);
    expect((await h.call('DELETE', `/v1/media/${created.json.id}`, { as: staff(tenantB) })).status).toBe(404);
    const list = await h.call<{ items: unknown[] }>('GET', '/v1/media', { as: staff(tenantB) });
    expect(list.json.items).toEqual([]);
    expect((await h.call('GET', `/v1/media/${created.json.id}`, { as: staff(tenantA) })).status).toBe(200);
  });
});

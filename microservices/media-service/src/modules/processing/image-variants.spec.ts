import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { imageVariants, targetWidths, UndecodableImageError } from './image-variants.js';

describe('image variants', () => {
  it('never renders wider than the original', () => {
    expect(targetWidths([320, 640, 1024], 800)).toEqual([320, 640, 800]);
    expect(targetWidths([320, 640], 200)).toEqual([200]);
  });

  it('turns a photo with GPS EXIF into AVIF, WebP and JPEG at each width, upright and without metadata', async () => {
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2a7' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'TestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '23/1 48/1 0/1' } })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif?.toString('latin1')).toContain('TestCam');
    const out = await imageVariants(photo, [320, 640], 100_000_000);
    // Orientation 6 means "rotate 90°": the upright image is 800 × 1200.
    expect([out.width, out.height]).toEqual([800, 1200]);
    expect(out.renditions.map((r) => `${r.format}@${r.width}`)).toEqual([
      'avif@320',
      'webp@320',
      'jpeg@320',
      'avif@640',
      'webp@640',
      'jpeg@640',
    ]);
    for (const r of [...out.renditions, { bytes: out.cleanSource.bytes }]) {
      const meta = await sharp(r.bytes).metadata();
      expect(meta.exif).toBeUndefined();
    }
    const decoded = await sharp(out.renditions[1]?.bytes).raw().toBuffer({ resolveWithObject: true });
    expect(decoded.info).toMatchObject({ width: 320, height: 480 });
  });

  it('gives up on bytes that are not an image', async () => {
    await expect(imageVariants(Buffer.from('nope'), [320], 1_000_000)).rejects.toBeInstanceOf(
      UndecodableImageError,
    );
  });
});

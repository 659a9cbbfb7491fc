import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { claimedKind, sniffBuffer } from './content-sniffer.js';

describe('sniffBuffer', () => {
  it('recognises a real JPEG by its bytes', async () => {
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } })
      .jpeg()
      .toBuffer();
    expect(await sniffBuffer(jpeg, claimedKind('image/jpeg', 'photo.jpg'))).toEqual({
      kind: 'image',
      contentType: 'image/jpeg',
      extension: 'jpg',
    });
  });

  it('refuses a .jpg that is not an image with 415', async () => {
    const fake = Buffer.from('this is not a picture at all, just text pretending');
    await expect(sniffBuffer(fake, claimedKind(undefined, 'photo.jpg'))).rejects.toMatchObject({
      code: 'MEDIA_CONTENT_MISMATCH',
      status: 415,
    });
  });

  it('refuses a PDF sent as an image', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
    await expect(sniffBuffer(pdf, 'image')).rejects.toMatchObject({ code: 'MEDIA_CONTENT_MISMATCH' });
    expect((await sniffBuffer(pdf, 'file')).contentType).toBe('application/pdf');
  });
});

import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { FfmpegRunner } from '../../infrastructure/ffmpeg/ffmpeg.runner.js';
import { UnreadableVideoError } from '../../infrastructure/ffmpeg/ffmpeg.runner.js';

export interface VideoRenditions {
  durationMs: number | null;
  width: number | null;
  height: number | null;
  mp4: { path: string; bytes: number; width: number | null; height: number | null };
  poster: { bytes: Buffer; width: number; height: number };
  /** Removes the scratch files. */
  cleanup(): Promise<void>;
}

/**
 * An H.264/AAC MP4 (at most 1280 wide) and a JPEG poster frame from a video file, with ffmpeg.
 * The poster is taken a second in (or halfway through a shorter video).
 */
export async function videoRenditions(
  ffmpeg: FfmpegRunner,
  input: string,
  workDir: string,
): Promise<VideoRenditions> {
  await mkdir(workDir, { recursive: true });
  const cleanup = () => rm(workDir, { recursive: true, force: true });
  try {
    const probe = await ffmpeg.probe(input);
    if (!probe.hasVideo) throw new UnreadableVideoError('The file has no video stream');
    const mp4 = join(workDir, 'video.mp4');
    const posterPath = join(workDir, 'poster.jpg');
    await ffmpeg.transcode(input, mp4);
    await ffmpeg.poster(input, posterPath, Math.min(1_000, Math.floor((probe.durationMs ?? 0) / 2)));
    const out = await ffmpeg.probe(mp4);
    // Re-encoded by sharp: no metadata from the camera reaches the poster.
    const poster = await sharp(await readFile(posterPath))
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return {
      durationMs: probe.durationMs,
      width: probe.width,
      height: probe.height,
      mp4: { path: mp4, bytes: (await stat(mp4)).size, width: out.width, height: out.height },
      poster: { bytes: poster.data, width: poster.info.width, height: poster.info.height },
      cleanup,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

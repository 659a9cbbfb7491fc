import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { z } from 'zod';

const run = promisify(execFile);

const ProbeSchema = z.object({
  streams: z.array(
    z.object({
      codec_type: z.string().optional(),
      codec_name: z.string().optional(),
      width: z.number().optional(),
      height: z.number().optional(),
    }),
  ),
  format: z.object({ duration: z.string().optional(), format_name: z.string().optional() }),
});

export interface VideoProbe {
  durationMs: number | null;
  width: number | null;
  height: number | null;
  videoCodec: string | null;
  audioCodec: string | null;
  hasVideo: boolean;
}

/** A video ffmpeg cannot read: the upload is not a (supported) video. */
export class UnreadableVideoError extends Error {}

/** ffmpeg and ffprobe from the operating system (Debian's `ffmpeg` package), run as child processes. */
export class FfmpegRunner {
  constructor(
    private readonly ffmpeg: string,
    private readonly ffprobe: string,
    private readonly timeoutMs: number,
  ) {}

  async probe(path: string): Promise<VideoProbe> {
    let out: string;
    try {
      ({ stdout: out } = await run(
        this.ffprobe,
        ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', path],
        { timeout: 60_000, maxBuffer: 4 * 1024 * 1024 },
      ));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw err;
      throw new UnreadableVideoError('The file is not a readable video');
    }
    const parsed = ProbeSchema.safeParse(JSON.parse(out));
    if (!parsed.success) throw new UnreadableVideoError('The file is not a readable video');
    const video = parsed.data.streams.find((s) => s.codec_type === 'video');
    const audio = parsed.data.streams.find((s) => s.codec_type === 'audio');
    const seconds = Number(parsed.data.format.duration);
    return {
      durationMs: Number.isFinite(seconds) ? Math.round(seconds * 1000) : null,
      width: video?.width ?? null,
      height: video?.height ?? null,
      videoCodec: video?.codec_name ?? null,
      audioCodec: audio?.codec_name ?? null,
      hasVideo: video !== undefined,
    };
  }

  /**
   * H.264 (yuv420p, at most 1280 wide, even dimensions) and AAC in an MP4 with the index up
   * front (`faststart`) so browsers play it while it downloads.
   */
  async transcode(input: string, output: string): Promise<void> {
    await this.ffmpegRun([
      '-i',
      input,
      '-map',
      '0:v:0',
      '-map',
      '0:a:0?',
      '-vf',
      "scale='min(1280,iw)':-2",
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-crf',
      '23',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-b:a',
      '128k',
      '-movflags',
      '+faststart',
      output,
    ]);
  }

  /** One frame as JPEG, `atMs` into the video. */
  async poster(input: string, output: string, atMs: number): Promise<void> {
    await this.ffmpegRun([
      '-ss',
      (atMs / 1000).toFixed(3),
      '-i',
      input,
      '-frames:v',
      '1',
      '-q:v',
      '3',
      output,
    ]);
  }

  private async ffmpegRun(args: string[]): Promise<void> {
    try {
      await run(this.ffmpeg, ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', ...args], {
        timeout: this.timeoutMs,
        maxBuffer: 4 * 1024 * 1024,
      });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw err;
      throw new UnreadableVideoError('ffmpeg could not convert the video');
    }
  }
}

import sharp from 'sharp';
import { imageVariants } from '../modules/processing/image-variants.js';

/**
 * Image variant generation for a 12-megapixel photo (4000 × 3000 JPEG): the time to produce
 * AVIF, WebP and JPEG at the default widths (320, 640, 1024, 1600), the bytes of each, and the
 * process's peak RSS. `BENCH_RUNS` runs; the median is reported.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WIDTHS = [320, 640, 1024, 1600];

async function photo(): Promise<Buffer> {
  // Noise over a gradient: closer to a real photo's entropy than a flat colour.
  const noise = await sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .blur(1.2)
    .jpeg({ quality: 90 })
    .toBuffer();
  return noise;
}

async function main(): Promise<void> {
  const input = await photo();
  console.log(
    `input: 4000 × 3000 JPEG, ${(input.length / 1024 / 1024).toFixed(1)} MiB; sharp concurrency ${sharp.concurrency()}`,
  );
  const times: number[] = [];
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  let last: Awaited<ReturnType<typeof imageVariants>> | undefined;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    last = await imageVariants(input, WIDTHS, 100_000_000);
    times.push(performance.now() - started);
  }
  clearInterval(timer);
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(
    `12 MP → ${last?.renditions.length} renditions + clean source: median ${(median / 1000).toFixed(2)} s over ${RUNS} runs (min ${((times[0] ?? 0) / 1000).toFixed(2)} s), peak RSS ${(peak / 1024 / 1024).toFixed(0)} MiB`,
  );
  for (const r of last?.renditions ?? [])
    console.log(
      `  ${r.format.padEnd(4)} ${String(r.width).padStart(4)} px: ${(r.bytes.length / 1024).toFixed(0)} KiB`,
    );
}

await main();

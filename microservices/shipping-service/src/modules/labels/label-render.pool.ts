import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { SERVICE_CONFIG } from '@haat/service';
import { Piscina } from 'piscina';
import type { ShippingServiceConfig } from '../../config/shipping-service.config.js';
import type { LabelFonts, LabelRenderTask, RenderedLabel, ShippingLabel } from './shipping-label.model.js';

/**
 * The worker's entry: `label-render.worker.js` when built; from TypeScript sources (tests) the
 * `.ts` file through tsx's loader, since Node 20 cannot run TypeScript itself (the same
 * arrangement as `@haat/reporting`'s PDF pool).
 */
function workerEntry(): { filename: string; execArgv: string[] } {
  const here = import.meta.url;
  if (!here.endsWith('.ts'))
    return { filename: new URL('./label-render.worker.js', here).href, execArgv: [] };
  const tsxLoader = pathToFileURL(createRequire(here).resolve('tsx')).href;
  return { filename: new URL('./label-render.worker.ts', here).href, execArgv: ['--import', tsxLoader] };
}

/** Renders labels on worker threads (piscina), never on the request or event-loop thread. */
@Injectable()
export class LabelRenderPool implements OnModuleDestroy {
  private readonly pool: Piscina<LabelRenderTask, RenderedLabel>;
  private readonly fonts: LabelFonts | undefined;

  constructor(@Inject(SERVICE_CONFIG) config: ShippingServiceConfig) {
    if (config.REPORT_FONT && !existsSync(config.REPORT_FONT))
      throw new Error(`REPORT_FONT: file not found: ${config.REPORT_FONT}`);
    this.fonts = config.REPORT_FONT ? { regular: config.REPORT_FONT } : undefined;
    const entry = workerEntry();
    this.pool = new Piscina<LabelRenderTask, RenderedLabel>({
      filename: entry.filename,
      execArgv: entry.execArgv,
      minThreads: 0,
      maxThreads: config.RENDER_THREADS,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
  }

  render(label: ShippingLabel): Promise<RenderedLabel> {
    return this.pool.run({ label, fonts: this.fonts }, { signal: AbortSignal.timeout(30_000) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.destroy();
  }
}

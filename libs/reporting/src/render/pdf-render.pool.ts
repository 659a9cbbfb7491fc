import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { ReportFonts } from '../document/report-fonts.js';
import type { ReportDocument } from '../document/report-document.model.js';
import type { PdfRenderTask, RenderedPdf } from './pdf-render.task.js';

/** Turns a report document into a PDF off the calling thread. */
export interface PdfRenderer {
  render(document: ReportDocument): Promise<RenderedPdf>;
}

/** Rendering failed (bad document, broken font, timeout, worker crash); the message says why. */
export class ReportRenderError extends Error {
  override readonly name = 'ReportRenderError';
}

export interface PdfRenderPoolOptions {
  /** Worker threads rendering at once (default 1: PDF layout is CPU-bound). */
  threads?: number;
  /** Font files every report is set in; default pdfkit's Helvetica (Latin-1 only). */
  fonts?: ReportFonts;
  /** A render running longer is aborted and its worker replaced (default 60 s). */
  timeoutMs?: number;
  /** Heap ceiling of each worker, so one huge report cannot exhaust the service (default 512 MB). */
  memoryLimitMb?: number;
  /** An idle worker exits after this long (default 60 s); the next render starts one. */
  idleTimeoutMs?: number;
}

/**
 * The worker's entry file. Built output runs `pdf-render.worker.js` as is; from TypeScript
 * sources (tests of this lib and of services importing it through the `@haat/source` condition)
 * the worker loads `pdf-render.worker.ts` through tsx's loader, because Node 20 cannot run
 * TypeScript itself.
 */
function workerEntry(): { filename: string; execArgv: string[] } {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) {
    return { filename: new URL('./pdf-render.worker.js', here).href, execArgv: [] };
  }
  const tsxLoader = pathToFileURL(createRequire(here).resolve('tsx')).href;
  return { filename: new URL('./pdf-render.worker.ts', here).href, execArgv: ['--import', tsxLoader] };
}

function assertFontFiles(fonts: ReportFonts | undefined): void {
  for (const path of [fonts?.regular, fonts?.bold]) {
    if (path !== undefined && !existsSync(path)) throw new Error(`Report font file not found: ${path}`);
  }
}

/** A small pool of worker threads that render report documents (piscina). */
export class PdfRenderPool implements PdfRenderer {
  private readonly pool: Piscina<PdfRenderTask, RenderedPdf>;
  private readonly fonts: ReportFonts | undefined;
  private readonly timeoutMs: number;

  constructor(options: PdfRenderPoolOptions = {}) {
    assertFontFiles(options.fonts);
    this.fonts = options.fonts;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    const entry = workerEntry();
    this.pool = new Piscina<PdfRenderTask, RenderedPdf>({
      filename: entry.filename,
      execArgv: entry.execArgv,
      minThreads: 0,
      maxThreads: options.threads ?? 1,
      idleTimeout: options.idleTimeoutMs ?? 60_000,
      resourceLimits: { maxOldGenerationSizeMb: options.memoryLimitMb ?? 512 },
    });
  }

  async render(document: ReportDocument): Promise<RenderedPdf> {
    try {
      return await this.pool.run(
        { document, fonts: this.fonts },
        { signal: AbortSignal.timeout(this.timeoutMs) },
      );
    } catch (err) {
      if (err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError')) {
        throw new ReportRenderError(`Rendering took longer than ${this.timeoutMs} ms`);
      }
      throw new ReportRenderError(err instanceof Error ? err.message : String(err));
    }
  }

  /** Stops the worker threads; renders still queued are rejected. */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

import { createHash } from 'node:crypto';
import { threadId } from 'node:worker_threads';
import { renderReportPdf } from '../document/pdf-report.renderer.js';
import type { PdfRenderTask, RenderedPdf } from './pdf-render.task.js';

// Worker-thread entry (loaded by piscina). It imports only npm packages and relative files, so
// it loads the same way from TypeScript sources (through tsx) and from the built `dist/`.
export default async function renderPdfTask(task: PdfRenderTask): Promise<RenderedPdf> {
  const pdf = await renderReportPdf(task.document, task.fonts);
  return {
    pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength),
    bytes: pdf.byteLength,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    threadId,
  };
}

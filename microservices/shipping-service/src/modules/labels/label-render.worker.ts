import { createHash } from 'node:crypto';
import { threadId } from 'node:worker_threads';
import { renderLabelPdf } from './label-pdf.layout.js';
import type { LabelRenderTask, RenderedLabel } from './shipping-label.model.js';

// Worker-thread entry (loaded by piscina): only npm packages and relative files, so it loads
// the same from TypeScript sources (through tsx) and from the built `dist/`.
export default async function renderLabelTask(task: LabelRenderTask): Promise<RenderedLabel> {
  const pdf = await renderLabelPdf(task.label, task.fonts);
  return {
    pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength),
    bytes: pdf.byteLength,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    threadId,
  };
}

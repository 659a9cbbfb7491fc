import type { ReportFonts } from '../document/report-fonts.js';
import type { ReportDocument } from '../document/report-document.model.js';

/** What the main thread sends to a render worker: plain, structured-cloneable data. */
export interface PdfRenderTask {
  document: ReportDocument;
  fonts?: ReportFonts;
}

/** A rendered PDF with its size and digest, and the id of the thread that rendered it. */
export interface RenderedPdf {
  pdf: Uint8Array;
  bytes: number;
  /** Lowercase hex SHA-256 of `pdf`. */
  sha256: string;
  /** `worker_threads.threadId` of the renderer (0 is the main thread). */
  threadId: number;
}

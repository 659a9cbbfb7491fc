import PDFDocument from 'pdfkit';
import { contentBox, ensureRoom, type FontPair } from './pdf-page.layout.js';
import { drawTable } from './pdf-table.layout.js';
import type { ReportFonts } from './report-fonts.js';
import {
  type ParsedReportBlock,
  type ParsedReportDocument,
  type ReportDocument,
  ReportDocumentSchema,
} from './report-document.model.js';

/** A document the renderer refused: the message names the offending path. */
export class ReportDocumentError extends Error {
  override readonly name = 'ReportDocumentError';
}

const MARGIN = 50;

function useFonts(doc: PDFKit.PDFDocument, fonts: ReportFonts | undefined): FontPair {
  if (!fonts) return { regular: 'Helvetica', bold: 'Helvetica-Bold' };
  doc.registerFont('report-regular', fonts.regular);
  doc.registerFont('report-bold', fonts.bold ?? fonts.regular);
  return { regular: 'report-regular', bold: 'report-bold' };
}

function drawTitle(doc: PDFKit.PDFDocument, fonts: FontPair, model: ParsedReportDocument): void {
  const box = contentBox(doc);
  doc
    .font(fonts.bold)
    .fontSize(18)
    .fillColor('black')
    .text(model.title, box.left, box.top, { width: box.width });
  doc.moveDown(0.3);
  for (const { label, value } of model.metadata) {
    doc.font(fonts.regular).fontSize(9).fillColor('#555555').text(`${label}: ${value}`, box.left, doc.y, {
      width: box.width,
    });
  }
  doc.fillColor('black').moveDown(1);
}

function drawBlock(doc: PDFKit.PDFDocument, fonts: FontPair, block: ParsedReportBlock): void {
  const box = contentBox(doc);
  switch (block.type) {
    case 'heading': {
      const size = block.level === 1 ? 14 : 12;
      // Keep a heading with at least a few lines of what follows it.
      ensureRoom(doc, size * 4);
      doc.font(fonts.bold).fontSize(size).text(block.text, box.left, doc.y, { width: box.width });
      doc.moveDown(0.4);
      return;
    }
    case 'paragraph':
      doc.font(fonts.regular).fontSize(10).text(block.text, box.left, doc.y, { width: box.width });
      doc.moveDown(0.6);
      return;
    case 'keyValue':
      drawTable(doc, fonts, {
        columns: [
          { header: 'Field', align: 'left', width: 1 },
          { header: 'Value', align: 'left', width: 2 },
        ],
        rows: block.entries.map((e) => [e.label, e.value]),
        showHeader: false,
        boldColumns: [0],
        emptyText: '—',
      });
      doc.moveDown(0.8);
      return;
    case 'table':
      drawTable(doc, fonts, { ...block, showHeader: true });
      doc.moveDown(0.8);
      return;
  }
}

/** Writes "title · Page n of m" into the bottom margin of every page. */
function drawFooters(doc: PDFKit.PDFDocument, fonts: FontPair, title: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const box = contentBox(doc);
    const bottomMargin = doc.page.margins.bottom;
    // Writing below the bottom margin would otherwise make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    doc
      .font(fonts.regular)
      .fontSize(8)
      .fillColor('#777777')
      .text(`${title} · Page ${i + 1} of ${range.count}`, box.left, doc.page.height - bottomMargin / 2 - 4, {
        width: box.width,
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottomMargin;
  }
}

function parseDocument(input: ReportDocument): ParsedReportDocument {
  const parsed = ReportDocumentSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first?.path.map(String).join('.') || '(document)';
  throw new ReportDocumentError(`Invalid report document at ${where}: ${first?.message ?? 'invalid'}`);
}

/**
 * Lays a report document out as an A4 PDF: the title as Info Title and first heading, the
 * metadata lines, then every block; tables break across pages with their header repeated.
 * CPU-bound: call it from a worker thread (see `PdfRenderPool`), never a request thread.
 */
export async function renderReportPdf(input: ReportDocument, fonts?: ReportFonts): Promise<Buffer> {
  const model = parseDocument(input);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    displayTitle: true,
    lang: model.language,
    pdfVersion: '1.7',
    info: {
      Title: model.title,
      // pdfkit writes every Info key it is given, and fails on an undefined one.
      ...(model.subject ? { Subject: model.subject } : {}),
      Creator: 'Haat reporting',
      Producer: 'Haat reporting (pdfkit)',
      CreationDate: new Date(model.createdAt),
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const pair = useFonts(doc, fonts);
  drawTitle(doc, pair, model);
  for (const block of model.blocks) drawBlock(doc, pair, block);
  drawFooters(doc, pair, model.title);
  doc.end();
  return finished;
}

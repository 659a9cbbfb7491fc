import { contentBox, type FontPair } from './pdf-page.layout.js';

type Align = 'left' | 'right' | 'center';

/** A table ready to draw: widths are relative weights, every row has one cell per column. */
export interface TableLayoutInput {
  columns: { header: string; align: Align; width: number }[];
  rows: string[][];
  /** Draw the header row at the top and again after every page break. */
  showHeader: boolean;
  /** Columns whose body cells are set in the bold face (labels of a key-value table). */
  boldColumns?: number[];
  emptyText: string;
}

const FONT_SIZE = 9;
const PADDING = 4;
const BORDER = '#b0b0b0';
const HEADER_FILL = '#ececec';

interface RowSpec {
  cells: string[];
  widths: number[];
  aligns: Align[];
  fonts: string[];
  fill?: string;
}

function columnWidths(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (total * w) / sum);
}

function rowHeight(doc: PDFKit.PDFDocument, row: RowSpec): number {
  let tallest = 0;
  row.cells.forEach((text, i) => {
    doc.font(row.fonts[i] as string).fontSize(FONT_SIZE);
    const h = doc.heightOfString(text || ' ', { width: (row.widths[i] as number) - 2 * PADDING });
    tallest = Math.max(tallest, h);
  });
  return tallest + 2 * PADDING;
}

function drawRow(doc: PDFKit.PDFDocument, row: RowSpec, height: number): void {
  const { left } = contentBox(doc);
  const y = doc.y;
  let x = left;
  row.cells.forEach((text, i) => {
    const width = row.widths[i] as number;
    doc.lineWidth(0.5);
    if (row.fill) doc.rect(x, y, width, height).fillAndStroke(row.fill, BORDER);
    else doc.rect(x, y, width, height).stroke(BORDER);
    doc
      .fillColor('black')
      .font(row.fonts[i] as string)
      .fontSize(FONT_SIZE)
      .text(text, x + PADDING, y + PADDING, {
        width: width - 2 * PADDING,
        // A fixed height clips the cell (with an ellipsis) instead of letting pdfkit flow it onto a new page.
        height: height - 2 * PADDING,
        ellipsis: true,
        align: row.aligns[i],
      });
    x += width;
  });
  doc.x = left;
  doc.y = y + height;
}

/**
 * Draws a bordered table across as many pages as it needs: a row never splits, and the header
 * row repeats at the top of every page the table continues on. A row taller than a page is
 * clipped with an ellipsis.
 */
export function drawTable(doc: PDFKit.PDFDocument, fonts: FontPair, table: TableLayoutInput): void {
  const box = contentBox(doc);
  const widths = columnWidths(
    box.width,
    table.columns.map((c) => c.width),
  );
  const aligns = table.columns.map((c) => c.align);
  const bold = new Set(table.boldColumns ?? []);
  const header: RowSpec = {
    cells: table.columns.map((c) => c.header),
    widths,
    aligns,
    fonts: table.columns.map(() => fonts.bold),
    fill: HEADER_FILL,
  };
  const headerHeight = table.showHeader ? rowHeight(doc, header) : 0;
  const maxRowHeight = box.bottom - box.top - headerHeight;

  const body: RowSpec[] = table.rows.length
    ? table.rows.map((cells) => ({
        cells,
        widths,
        aligns,
        fonts: cells.map((_, i) => (bold.has(i) ? fonts.bold : fonts.regular)),
      }))
    : [{ cells: [table.emptyText], widths: [box.width], aligns: ['left'], fonts: [fonts.regular] }];

  let needHeader = table.showHeader;
  for (const row of body) {
    const height = Math.min(rowHeight(doc, row), maxRowHeight);
    const headerNow = needHeader ? headerHeight : 0;
    if (doc.y + headerNow + height > box.bottom) {
      doc.addPage();
      needHeader = table.showHeader;
    }
    if (needHeader) {
      drawRow(doc, header, headerHeight);
      needHeader = false;
    }
    drawRow(doc, row, height);
  }
}

/** The printable area of the current page, inside its margins. */
export interface ContentBox {
  left: number;
  top: number;
  bottom: number;
  width: number;
}

export function contentBox(doc: PDFKit.PDFDocument): ContentBox {
  const { margins, width, height } = doc.page;
  return {
    left: margins.left,
    top: margins.top,
    bottom: height - margins.bottom,
    width: width - margins.left - margins.right,
  };
}

/** Starts a new page unless `height` more points fit under the cursor. */
export function ensureRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > contentBox(doc).bottom) doc.addPage();
}

/** The PDF font names a document uses for body and emphasis. */
export interface FontPair {
  regular: string;
  bold: string;
}

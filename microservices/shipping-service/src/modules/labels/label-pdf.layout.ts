import bwipjs from 'bwip-js';
import PDFDocument from 'pdfkit';
import type { LabelFonts, ShippingLabel } from './shipping-label.model.js';

/** 4 × 6 inches, the courier label size, in points. */
const WIDTH = 288;
const HEIGHT = 432;
const M = 14;

async function barcodePng(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: 'code128',
    text,
    scale: 3,
    height: 14,
    includetext: false,
    paddingwidth: 10,
    paddingheight: 6,
  });
}

/**
 * Lays out one shipping label as a 4 × 6 in PDF: courier and tracking id, the Code 128 barcode
 * of the tracking id, cash to collect (large, or PREPAID), recipient, sender and parcel facts.
 */
export async function renderLabelPdf(label: ShippingLabel, fonts?: LabelFonts): Promise<Buffer> {
  const barcode = await barcodePng(label.trackingId);
  const doc = new PDFDocument({
    size: [WIDTH, HEIGHT],
    margin: M,
    info: {
      Title: `Shipping label ${label.trackingId}`,
      Subject: label.shipmentId,
      CreationDate: new Date(label.createdAt),
    },
  });
  const regular = fonts ? 'label-regular' : 'Helvetica';
  const bold = fonts ? 'label-bold' : 'Helvetica-Bold';
  if (fonts) {
    doc.registerFont('label-regular', fonts.regular);
    doc.registerFont('label-bold', fonts.bold ?? fonts.regular);
  }
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = WIDTH - 2 * M;

  doc.font(bold).fontSize(16).text(label.courier.toUpperCase(), M, M, { width });
  doc
    .font(regular)
    .fontSize(8)
    .text(`Order ${label.orderRef} · ${label.zone.replace(/_/g, ' ')}`, { width });
  doc.moveDown(0.4);
  doc.image(barcode, M, doc.y, { fit: [width, 80], align: 'center' });
  doc.y += 84;
  doc.font(bold).fontSize(12).text(label.trackingId, M, doc.y, { width, align: 'center' });
  if (label.consignmentId !== label.trackingId) {
    doc.font(regular).fontSize(8).text(`Consignment ${label.consignmentId}`, { width, align: 'center' });
  }
  doc.moveDown(0.6);
  doc.rect(M, doc.y, width, 34).stroke();
  const codTop = doc.y + 9;
  doc
    .font(bold)
    .fontSize(15)
    .text(label.codText ? `COD ${label.codText}` : 'PREPAID', M, codTop, { width, align: 'center' });
  doc.y = codTop + 32;
  doc.font(bold).fontSize(9).text('TO', M, doc.y, { width });
  doc.font(bold).fontSize(11).text(label.recipient.name, { width });
  doc.font(regular).fontSize(10).text(label.recipient.phone, { width });
  doc.font(regular).fontSize(9).text(label.recipient.address, { width, height: 60, ellipsis: true });
  doc.moveDown(0.6);
  doc.font(bold).fontSize(9).text('FROM', { width });
  doc.font(regular).fontSize(9).text(label.fromText, { width, height: 24, ellipsis: true });
  doc
    .font(regular)
    .fontSize(7)
    .text(`Weight ${label.weightText} · Shipment ${label.shipmentId}`, M, HEIGHT - M - 10, { width });
  doc.end();
  return done;
}

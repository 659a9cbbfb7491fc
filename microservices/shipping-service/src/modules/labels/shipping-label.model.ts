/** Everything printed on a shipping label: plain data, so it crosses into the render worker. */
export interface ShippingLabel {
  shipmentId: string;
  courier: string;
  /** Encoded in the Code 128 barcode and printed under it. */
  trackingId: string;
  consignmentId: string;
  orderRef: string;
  recipient: { name: string; phone: string; address: string };
  /** e.g. `BDT 1250.00`, or null when prepaid. */
  codText: string | null;
  weightText: string;
  zone: string;
  fromText: string;
  createdAt: string;
}

/** Font files for the label; pdfkit's Helvetica (Latin-1 only) when absent. */
export interface LabelFonts {
  regular: string;
  bold?: string;
}

export interface LabelRenderTask {
  label: ShippingLabel;
  fonts?: LabelFonts;
}

export interface RenderedLabel {
  pdf: Uint8Array;
  bytes: number;
  sha256: string;
  /** `worker_threads.threadId` of the renderer (0 would be the main thread). */
  threadId: number;
}

import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Clock, CLOCK, type CurrencyCode, formatMajor, money } from '@haat/common';
import type { Database } from '@haat/database';
import { DATABASE } from '@haat/service';
import { and, eq, isNull } from 'drizzle-orm';
import { labelNotReady, shipmentNotFound } from '../shipments/shipments.errors.js';
import { ShipmentsRepository } from '../shipments/shipments.repository.js';
import { type ShipmentRow, shipments } from '../shipments/shipments.schema.js';
import { LabelRenderPool } from './label-render.pool.js';
import { LabelStorage } from './label.storage.js';
import type { ShippingLabel } from './shipping-label.model.js';

/** A stored label ready to stream. */
export interface LabelFile {
  stream: Readable;
  headers: Record<string, string>;
}

export function labelOf(row: ShipmentRow): ShippingLabel {
  const r = row.recipient;
  return {
    shipmentId: row.id,
    courier: row.courier === 'pathao' ? 'Pathao' : 'Steadfast',
    trackingId: row.trackingId ?? '',
    consignmentId: row.consignmentId ?? '',
    orderRef: row.orderNumber ?? row.orderId.slice(0, 8),
    recipient: {
      name: r.name,
      phone: r.phone,
      address: [r.address, r.area, r.district].filter(Boolean).join(', '),
    },
    codText:
      row.codAmountMinor > 0n
        ? `${row.currency} ${formatMajor(money(row.codAmountMinor, row.currency as CurrencyCode))}`
        : null,
    weightText: `${(row.weightGrams / 1000).toFixed(2)} kg`,
    zone: row.zone,
    fromText: `Vendor ${row.vendorId.slice(0, 8)}${row.warehouseId ? ` · warehouse ${row.warehouseId.slice(0, 8)}` : ''}`,
    createdAt: (row.bookedAt ?? row.createdAt).toISOString(),
  };
}

/** Label PDFs: rendered on worker threads once a parcel is booked, stored, and served for download. */
@Injectable()
export class LabelService {
  private readonly logger = new Logger('LabelService');

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repo: ShipmentsRepository,
    private readonly pool: LabelRenderPool,
    private readonly storage: LabelStorage,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Renders and stores the labels of booked shipments that have none yet; returns how many. */
  async renderMissing(limit: number): Promise<number> {
    const rows = await this.database.transaction((tx) => this.repo.unlabelled(tx, limit));
    let done = 0;
    for (const row of rows) {
      try {
        await this.render(row);
        done += 1;
      } catch (err) {
        this.logger.warn(
          { shipmentId: row.id, err: err instanceof Error ? err.message : String(err) },
          'label not rendered',
        );
      }
    }
    return done;
  }

  private async render(row: ShipmentRow): Promise<void> {
    const rendered = await this.pool.render(labelOf(row));
    const path = await this.storage.put({ tenantId: row.tenantId, reportId: row.id }, rendered.pdf);
    await this.database.withTenant(row.tenantId, (tx) =>
      tx
        .update(shipments)
        .set({
          labelPath: path,
          labelBytes: rendered.bytes,
          labelSha256: rendered.sha256,
          updatedAt: this.clock.now(),
        })
        .where(
          and(eq(shipments.tenantId, row.tenantId), eq(shipments.id, row.id), isNull(shipments.labelPath)),
        ),
    );
  }

  /** The label of a shipment; 404 for another tenant's, 409 before it exists. */
  async open(tenantId: string, id: string, visible: (row: ShipmentRow) => boolean): Promise<LabelFile> {
    const row = await this.database.withTenant(tenantId, (tx) => this.repo.find(tx, tenantId, id));
    if (!row || !visible(row)) throw shipmentNotFound(id);
    if (!row.labelPath || row.labelBytes === null || !row.labelSha256) throw labelNotReady(id, row.status);
    const stream = await this.storage.open(row.labelPath);
    if (!stream) throw labelNotReady(id, row.status);
    const name = `label-${row.trackingId ?? row.id}.pdf`.replace(/[^A-Za-z0-9._-]/g, '_');
    return {
      stream,
      headers: {
        'content-type': 'application/pdf',
        'content-length': String(row.labelBytes),
        'content-disposition': `attachment; filename="${name}"`,
        etag: `"${row.labelSha256}"`,
        'cache-control': 'private, max-age=300',
      },
    };
  }
}

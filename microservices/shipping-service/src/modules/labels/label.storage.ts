import { Inject, Injectable } from '@nestjs/common';
import { LocalDiskReportStorage } from '@haat/reporting';
import { SERVICE_CONFIG } from '@haat/service';
import type { ShippingServiceConfig } from '../../config/shipping-service.config.js';

/** Label PDFs on the local disk (`<LABELS_DIR>/<tenant>/<shipment>.pdf`), written atomically. */
@Injectable()
export class LabelStorage extends LocalDiskReportStorage {
  constructor(@Inject(SERVICE_CONFIG) config: ShippingServiceConfig) {
    super(config.LABELS_DIR);
  }
}

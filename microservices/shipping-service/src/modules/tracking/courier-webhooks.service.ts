import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Clock, CLOCK, isUuid } from '@haat/common';
import type { Courier } from '@haat/contracts';
import type { Database } from '@haat/database';
import { DATABASE } from '@haat/service';
import type {
  InboundWebhook,
  VerifiedWebhook,
  WebhookReply,
} from '../../infrastructure/couriers/courier-gateway.js';
import { CourierGateways } from '../../infrastructure/couriers/courier-gateways.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { courierAccountNotFound } from '../accounts/accounts.errors.js';
import { consignmentUnknown } from '../shipments/shipments.errors.js';
import { ShipmentTrackingService } from '../shipments/shipment-tracking.service.js';
import { ShipmentsRepository } from '../shipments/shipments.repository.js';
import type { ShipmentRow } from '../shipments/shipments.schema.js';
import type { Tx } from '@haat/database';

type Update = Extract<VerifiedWebhook, { kind: 'update' }>;

/**
 * Courier webhooks: authenticated against the account's secret before anything is read (401,
 * no effect), matched to one of the tenant's shipments by consignment id — or by our reference
 * when the courier announces a parcel whose booking answer was lost — (404 otherwise, no
 * effect), then applied once (duplicates change nothing) and never backwards.
 */
@Injectable()
export class CourierWebhooksService {
  private readonly logger = new Logger('CourierWebhooks');

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly accounts: AccountsService,
    private readonly gateways: CourierGateways,
    private readonly repo: ShipmentsRepository,
    private readonly tracking: ShipmentTrackingService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async receive(
    courier: Courier,
    tenantId: string,
    accountId: string,
    webhook: InboundWebhook,
  ): Promise<WebhookReply> {
    const account = await this.database.withTenant(tenantId, (tx) =>
      this.accounts.openIn(tx, tenantId, accountId),
    );
    if (!account || account.courier !== courier) throw courierAccountNotFound(accountId);
    const gateway = this.gateways.of(courier);
    let verified: VerifiedWebhook;
    try {
      verified = gateway.verifyWebhook(account, webhook);
    } catch (err) {
      this.logger.warn(
        { courier, tenantId, accountId, err: err instanceof Error ? err.message : String(err) },
        'webhook refused',
      );
      throw err;
    }
    if (verified.kind !== 'update') return gateway.acceptedReply(verified, false);
    const outcome = await this.database.withTenant(tenantId, (tx) =>
      this.apply(tx, courier, tenantId, verified),
    );
    return gateway.acceptedReply(verified, outcome === 'duplicate');
  }

  private async apply(tx: Tx, courier: Courier, tenantId: string, update: Update) {
    const now = this.clock.now();
    let shipment = update.consignmentId
      ? await this.repo.findByConsignment(tx, tenantId, courier, update.consignmentId)
      : undefined;
    if (!shipment && update.reference && isUuid(update.reference)) {
      shipment = await this.adopt(tx, courier, tenantId, update, now);
    }
    if (!shipment) throw consignmentUnknown(courier, update.consignmentId);
    return this.tracking.apply(
      tx,
      shipment.id,
      tenantId,
      {
        source: 'webhook',
        dedupeKey: update.dedupeKey,
        courierStatus: update.courierStatus,
        status: update.status,
        message: update.message,
        occurredAt: update.occurredAt,
        collectedAmountMinor: update.collectedAmountMinor,
      },
      now,
    );
  }

  /** A webhook naming our shipment as its reference for a parcel we never heard back about: record the booking. */
  private async adopt(
    tx: Tx,
    courier: Courier,
    tenantId: string,
    update: Update,
    now: Date,
  ): Promise<ShipmentRow | undefined> {
    const row = await this.repo.find(tx, tenantId, update.reference as string);
    if (!row || row.courier !== courier) return undefined;
    if (row.status === 'pending' && update.consignmentId) {
      await this.tracking.markBooked(
        tx,
        row.id,
        tenantId,
        {
          consignmentId: update.consignmentId,
          trackingId: update.consignmentId,
          courierStatus: update.courierStatus,
          deliveryFeeMinor: null,
        },
        now,
      );
      return this.repo.find(tx, tenantId, row.id);
    }
    // Known by reference but booked under another consignment id: not this parcel.
    return row.consignmentId === update.consignmentId ? row : undefined;
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { isAppError, newId } from '@haat/common';
import type { EventPayload, OrderConfirmedV1, OrderSubOrder } from '@haat/contracts';
import type { Tx } from '@haat/database';
import { AccountsService } from '../accounts/accounts.service.js';
import { QuotesService } from '../rates/quotes.service.js';
import { canonicalDistrict, resolveShippingZone } from '../rates/shipping-zone.resolver.js';
import { ShipmentsRepository } from './shipments.repository.js';
import type { Recipient } from './shipments.schema.js';
import { WarehouseSelectionService } from './warehouse-selection.service.js';

type OrderConfirmed = EventPayload<typeof OrderConfirmedV1>;

/**
 * A shipment per vendor sub-order of a confirmed order, waiting to be booked: the vendor's
 * courier account, the warehouse it leaves from, its zone and shipping cost. A sub-order that
 * already has its shipment is left alone (redelivered event).
 */
@Injectable()
export class ShipmentCreationService {
  private readonly logger = new Logger('ShipmentCreation');

  constructor(
    private readonly repo: ShipmentsRepository,
    private readonly accounts: AccountsService,
    private readonly quotes: QuotesService,
    private readonly warehouses: WarehouseSelectionService,
  ) {}

  async createFor(tx: Tx, tenantId: string, requestId: string, order: OrderConfirmed): Promise<number> {
    let created = 0;
    for (const sub of order.subOrders) {
      if (await this.createOne(tx, tenantId, requestId, order, sub)) created += 1;
    }
    return created;
  }

  private async createOne(
    tx: Tx,
    tenantId: string,
    requestId: string,
    order: OrderConfirmed,
    sub: OrderSubOrder,
  ) {
    const account = await this.accounts.forVendor(tx, tenantId, sub.vendorId);
    const a = order.shippingAddress;
    const destination = {
      country: a.country,
      district: a.district,
      area: a.area ?? null,
      division: a.division ?? null,
    };
    const weightGrams = sub.lines.reduce((sum, l) => sum + l.quantity * l.weightGrams, 0);
    const warehouseId = await this.warehouses.select(
      tenantId,
      requestId,
      sub.vendorId,
      sub.lines,
      a.coordinates ?? null,
    );
    const codAmountMinor = BigInt(sub.codAmountMinor);
    const shippingCostMinor = await this.cost(tx, tenantId, {
      vendorId: sub.vendorId,
      destination,
      weightGrams,
      subtotalMinor: BigInt(sub.subtotalMinor),
      codAmountMinor,
      currency: order.currency,
      warehouseId,
    });
    const recipient: Recipient = {
      name: order.customer.name,
      phone: order.customer.phone,
      email: order.customer.email ?? null,
      address: [a.line1, a.line2].filter(Boolean).join(', '),
      area: a.area ?? null,
      district: canonicalDistrict(a.district) ?? a.district,
      division: a.division ?? null,
      country: a.country,
      locale: order.locale,
    };
    const now = new Date();
    const inserted = await this.repo.insert(tx, {
      id: newId(),
      tenantId,
      orderId: order.orderId,
      orderNumber: order.orderNumber ?? null,
      subOrderId: sub.subOrderId,
      vendorId: sub.vendorId,
      courier: account.courier,
      accountId: account.id,
      status: 'pending',
      // A confirmed order was quoted at checkout; an address no zone knows is shipped as outside Dhaka.
      zone: resolveShippingZone(destination) ?? 'outside_dhaka',
      warehouseId,
      recipient,
      lines: sub.lines,
      weightGrams,
      itemCount: sub.lines.reduce((n, l) => n + l.quantity, 0),
      currency: order.currency,
      codAmountMinor,
      shippingCostMinor,
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    });
    return inserted !== undefined;
  }

  /** The quote's total; 0 when the parcel cannot be quoted any more (rules changed since checkout). */
  private async cost(
    tx: Tx,
    tenantId: string,
    parcel: Parameters<QuotesService['quoteIn']>[2],
  ): Promise<bigint> {
    try {
      return BigInt((await this.quotes.quoteIn(tx, tenantId, parcel)).totalMinor);
    } catch (err) {
      if (!isAppError(err)) throw err;
      this.logger.warn(
        { vendorId: parcel.vendorId, code: err.code },
        'shipment created without a shipping cost',
      );
      return 0n;
    }
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ShippingZone } from '@haat/contracts';
import type { Database, Tx } from '@haat/database';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import type { CourierAccount } from '../../infrastructure/couriers/courier-account.js';
import { CourierGateways } from '../../infrastructure/couriers/courier-gateways.js';
import { AccountsService } from '../accounts/accounts.service.js';
import type { Quote, QuoteRequest } from './dto/quote.dto.js';
import { addressOutsideZones, currencyMismatch, parcelTooHeavy, zoneNotServed } from './rates.errors.js';
import { RatesRepository } from './rates.repository.js';
import type { RateRuleRow } from './rates.schema.js';
import { toRateRule } from './rates.service.js';
import { shippingCost, slabFee } from './shipping-cost.calculator.js';
import { type Destination, resolveShippingZone } from './shipping-zone.resolver.js';

/** What a parcel is, for pricing. */
export interface ParcelToPrice {
  vendorId: string;
  destination: Destination;
  weightGrams: number;
  subtotalMinor: bigint;
  codAmountMinor: bigint;
  currency: string;
  warehouseId: string | null;
}

interface Loaded {
  zone: ShippingZone;
  rule: RateRuleRow;
  account: CourierAccount | undefined;
}

/**
 * Shipping quotes: the destination's zone, the vendor's (or tenant's) rule for it, the courier's
 * own price plan where the rule asks for it and the courier has one (falling back to the slabs
 * when the courier cannot price the address or does not answer), the COD charge and the
 * free-shipping threshold.
 */
@Injectable()
export class QuotesService {
  private readonly logger = new Logger('QuotesService');

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly rates: RatesRepository,
    private readonly accounts: AccountsService,
    private readonly gateways: CourierGateways,
  ) {}

  /** `POST /v1/shipping/quotes`. */
  async quote(ctx: TenantContext, input: QuoteRequest): Promise<Quote> {
    const subtotal = BigInt(input.subtotalMinor);
    const parcel: ParcelToPrice = {
      vendorId: input.vendorId,
      destination: { ...input.destination, country: input.destination.country.toUpperCase() },
      weightGrams: input.lines.reduce((sum, l) => sum + l.quantity * l.weightGrams, 0),
      subtotalMinor: subtotal,
      codAmountMinor: input.cashOnDelivery ? BigInt(input.codAmountMinor ?? input.subtotalMinor) : 0n,
      currency: input.currency,
      warehouseId: null,
    };
    const loaded = await this.database.withTenant(ctx.tenantId, (tx) => this.load(tx, ctx.tenantId, parcel));
    return this.price(parcel, loaded);
  }

  /** The same pricing inside a transaction (shipment creation). */
  async quoteIn(tx: Tx, tenantId: string, parcel: ParcelToPrice): Promise<Quote> {
    return this.price(parcel, await this.load(tx, tenantId, parcel));
  }

  private async load(tx: Tx, tenantId: string, parcel: ParcelToPrice): Promise<Loaded> {
    const zone = resolveShippingZone(parcel.destination);
    if (!zone) throw addressOutsideZones(parcel.destination.district);
    const rule = await this.rates.resolve(tx, tenantId, parcel.vendorId, zone);
    if (!rule) throw zoneNotServed(zone);
    if (rule.currency !== parcel.currency) throw currencyMismatch(parcel.currency, rule.currency);
    const account = rule.useCourierPricePlan
      ? await this.accounts.findForVendor(tx, tenantId, parcel.vendorId)
      : undefined;
    return { zone, rule, account };
  }

  private async price(parcel: ParcelToPrice, { zone, rule, account }: Loaded): Promise<Quote> {
    const rateRule = toRateRule(rule);
    const slab = slabFee(rateRule, parcel.weightGrams);
    const courierRate = account && zone !== 'international' ? await this.courierRate(account, parcel) : null;
    if (!courierRate && typeof slab !== 'bigint') throw parcelTooHeavy(parcel.weightGrams, slab.maxGrams);
    const cost = shippingCost(rateRule, {
      deliveryFeeMinor: courierRate ? courierRate.deliveryFeeMinor : (slab as bigint),
      subtotalMinor: parcel.subtotalMinor,
      codAmountMinor: parcel.codAmountMinor,
      courierCodFeeMinor: courierRate?.codFeeMinor,
    });
    return {
      vendorId: parcel.vendorId,
      zone,
      courier: account?.courier ?? null,
      source: courierRate ? 'courier' : 'rule',
      weightGrams: parcel.weightGrams,
      currency: rule.currency,
      deliveryFeeMinor: cost.deliveryFeeMinor.toString(),
      codFeeMinor: cost.codFeeMinor.toString(),
      discountMinor: cost.discountMinor.toString(),
      totalMinor: cost.totalMinor.toString(),
      freeShipping: cost.freeShipping,
      freeShippingThresholdMinor: rule.freeShippingThresholdMinor?.toString() ?? null,
    };
  }

  private async courierRate(account: CourierAccount, parcel: ParcelToPrice) {
    try {
      return await this.gateways.of(account.courier).rate(account, {
        weightGrams: parcel.weightGrams,
        district: parcel.destination.district,
        area: parcel.destination.area ?? null,
        codAmountMinor: parcel.codAmountMinor,
        warehouseId: parcel.warehouseId,
      });
    } catch (err) {
      // A courier that cannot price now must not block checkout: the shop's slabs apply.
      this.logger.warn(
        { courier: account.courier, err: err instanceof Error ? err.message : String(err) },
        'courier price plan unavailable',
      );
      return null;
    }
  }
}

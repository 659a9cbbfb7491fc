import { Injectable } from '@nestjs/common';
import { CURRENCY_EXPONENTS, type CurrencyCode, formatMajor, money } from '@haat/common';
import type { Tx } from '@haat/database';
import { defineReport, type ReportBlock } from '@haat/reporting';
import type { TenantContext } from '@haat/tenant';
import { z } from 'zod';
import { CommissionRulesService } from '../commissions/commission-rules.service.js';
import type { CommissionRule } from '../commissions/dto/commission-rule.dto.js';
import type { Submission } from '../compliance/dto/compliance.dto.js';
import { SubmissionsService } from '../compliance/submissions.service.js';
import type { VendorMetrics } from '../metrics/dto/metrics.dto.js';
import { VendorMetricsService } from '../metrics/vendor-metrics.service.js';
import { VendorLifecycle } from '../vendors/vendor-lifecycle.service.js';
import type { VendorStoreRow } from '../vendors/vendor-stores.schema.js';
import type { VendorRow } from '../vendors/vendors.schema.js';

const DAY_MS = 86_400_000;
export const VENDOR_REPORT_KIND = 'vendor.profile';

export const VendorReportParamsSchema = z
  .object({
    vendorId: z.string().uuid(),
    /** First day of the performance period (UTC), `YYYY-MM-DD`. */
    from: z.iso.date(),
    /** Last day, inclusive. */
    to: z.iso.date(),
  })
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'must not be before from' })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 366 * DAY_MS, {
    path: ['to'],
    message: 'the period may span at most 366 days',
  });
export type VendorReportParams = z.output<typeof VendorReportParamsSchema>;

interface VendorReportData {
  vendor: VendorRow;
  store: VendorStoreRow;
  submission: Submission | null;
  rules: CommissionRule[];
  metrics: VendorMetrics;
}

const dash = (v: string | number | null | undefined) =>
  v === null || v === undefined || v === '' ? '—' : String(v);
const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(2)}%`);
const amount = (minor: string, currency: string) =>
  Object.hasOwn(CURRENCY_EXPONENTS, currency)
    ? `${currency} ${formatMajor(money(BigInt(minor), currency as CurrencyCode))}`
    : `${currency} ${minor} (minor units)`;

/**
 * `vendor.profile`: the vendor's profile and store, its compliance results, the commission rules
 * that can apply to it, and its sales and performance for a period.
 */
@Injectable()
export class VendorReportDefinition {
  readonly definition;

  constructor(
    lifecycle: VendorLifecycle,
    submissions: SubmissionsService,
    rules: CommissionRulesService,
    metrics: VendorMetricsService,
  ) {
    this.definition = defineReport({
      kind: VENDOR_REPORT_KIND,
      paramsSchema: VendorReportParamsSchema,
      title: (p) => `Vendor report ${p.from} to ${p.to}`,
      load: async (_ctx: TenantContext, p, tx: Tx): Promise<VendorReportData> => {
        const vendor = await lifecycle.find(tx, p.vendorId);
        return {
          vendor,
          store: await lifecycle.storeOf(tx, vendor.id),
          submission: await submissions.latestIn(tx, vendor.id),
          rules: await rules.applicableTo(tx, vendor, new Date(`${p.to}T23:59:59Z`)),
          metrics: await metrics.compute(tx, vendor.id, { from: p.from, to: p.to }),
        };
      },
      compose: (data) => composeVendorReport(data),
    });
  }
}

function composeVendorReport({ vendor, store, submission, rules, metrics }: VendorReportData): ReportBlock[] {
  return [
    { type: 'heading', text: 'Profile' },
    {
      type: 'keyValue',
      entries: [
        { label: 'Store', value: `${store.name} (${store.slug})` },
        { label: 'Business', value: `${vendor.legalName} (${vendor.businessType})` },
        { label: 'Owner', value: vendor.ownerName },
        { label: 'Status', value: vendor.status + (vendor.statusReason ? ` — ${vendor.statusReason}` : '') },
        { label: 'Tier', value: vendor.tier },
        { label: 'Contact', value: `${vendor.contactEmail}, ${vendor.contactPhone}` },
        {
          label: 'Address',
          value: [vendor.address.line1, vendor.address.city, vendor.address.district].join(', '),
        },
        { label: 'Approved', value: dash(vendor.approvedAt?.toISOString().slice(0, 10)) },
        {
          label: 'Holiday mode',
          value: store.holidayMode ? `on${store.holidayMessage ? ` — ${store.holidayMessage}` : ''}` : 'off',
        },
        { label: 'Handling time', value: `${store.handlingTimeDays} working days` },
      ],
    },
    { type: 'heading', text: 'Compliance' },
    submission
      ? {
          type: 'paragraph',
          text: `Submission ${submission.number} of ${submission.submittedAt.slice(0, 10)}: ${submission.outcome === 'passed' ? 'every check passed' : 'some checks failed'}.`,
        }
      : { type: 'paragraph', text: 'No documents have been submitted.' },
    {
      type: 'table',
      columns: [
        { header: 'Check', width: 1.6 },
        { header: 'Result', width: 0.8 },
        { header: 'Reason', width: 5 },
      ],
      rows: (submission?.checks ?? []).map((c) => [c.code, c.outcome, c.reason]),
      emptyText: 'No checks have run',
    },
    { type: 'heading', text: 'Commission rules' },
    {
      type: 'table',
      columns: [
        { header: 'Level', width: 1 },
        { header: 'Applies to', width: 2.4 },
        { header: 'Percent', align: 'right' },
        { header: 'Fixed', align: 'right', width: 1.3 },
        { header: 'Minimum', align: 'right', width: 1.3 },
        { header: 'Effective', width: 2.6 },
      ],
      rows: rules.map((r) => [
        r.level,
        r.vendorId ?? r.categoryId ?? r.tier ?? 'every line',
        `${(r.percentBps / 100).toFixed(2)}%`,
        amount(r.fixed.amountMinor, r.fixed.currency),
        amount(r.minimum.amountMinor, r.minimum.currency),
        `${r.effectiveFrom.slice(0, 10)} – ${r.effectiveTo ? r.effectiveTo.slice(0, 10) : 'open'}`,
      ]),
      emptyText: 'No commission rule applies',
    },
    { type: 'heading', text: `Performance ${metrics.period.from} to ${metrics.period.to}` },
    {
      type: 'keyValue',
      entries: [
        ...metrics.sales.flatMap((s) => [
          { label: `Gross sales (${s.currency})`, value: amount(s.gross, s.currency) },
          { label: `Returned (${s.currency})`, value: amount(s.returned, s.currency) },
          { label: `Net sales (${s.currency})`, value: amount(s.net, s.currency) },
        ]),
        { label: 'Orders', value: String(metrics.orders) },
        { label: 'Shipped', value: String(metrics.shipped) },
        {
          label: 'Average fulfilment',
          value: metrics.averageFulfilmentHours === null ? '—' : `${metrics.averageFulfilmentHours} hours`,
        },
        { label: 'Cancellation rate', value: percent(metrics.cancellationRate) },
        { label: 'Late shipment rate', value: percent(metrics.lateShipmentRate) },
        { label: 'Return rate', value: percent(metrics.returnRate) },
        {
          label: 'Rating',
          value:
            metrics.rating.average === null
              ? 'no ratings'
              : `${metrics.rating.average} of 5 (${metrics.rating.count} ratings)`,
        },
        { label: 'Performance tier', value: `${metrics.performanceTier}: ${metrics.tierReasons.join('; ')}` },
      ],
    },
  ];
}

import { type CurrencyCode, formatMajor, money } from '@haat/common';
import { defineReport, type ReportBlock } from '@haat/reporting';
import { z } from 'zod';
import { FAILURE_STATUSES, FINAL_STATUSES, isDelivered } from '../shipments/shipment.machine.js';
import { ShipmentsRepository } from '../shipments/shipments.repository.js';
import type { ShipmentRow } from '../shipments/shipments.schema.js';

const MAX_SHIPMENTS = 20_000;
const DAY_MS = 86_400_000;

export const SHIPPING_REPORT_KIND = 'shipping.summary';

export const ShippingReportParamsSchema = z
  .object({
    /** First day (UTC) of shipments created, `YYYY-MM-DD`. */
    from: z.iso.date(),
    /** Last day, inclusive. */
    to: z.iso.date(),
  })
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'must not be before from' })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 366 * DAY_MS, {
    path: ['to'],
    message: 'at most 366 days',
  });
export type ShippingReportParams = z.output<typeof ShippingReportParamsSchema>;

interface Data {
  rows: ShipmentRow[];
  truncated: boolean;
}

const hours = (r: ShipmentRow) =>
  r.deliveredAt && r.bookedAt ? (r.deliveredAt.getTime() - r.bookedAt.getTime()) / 3_600_000 : null;
const fmtHours = (h: number | null) => (h === null ? '—' : h.toFixed(1));
const count = (n: number) => n.toLocaleString('en-US');

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

function groupRow(label: string, rows: readonly ShipmentRow[]): string[] {
  const times = rows
    .map(hours)
    .filter((h): h is number => h !== null)
    .sort((a, b) => a - b);
  return [
    label,
    count(rows.length),
    count(rows.filter((r) => isDelivered(r.status)).length),
    count(rows.filter((r) => FAILURE_STATUSES.has(r.status)).length),
    count(rows.filter((r) => !FINAL_STATUSES.has(r.status)).length),
    fmtHours(percentile(times, 50)),
    fmtHours(percentile(times, 90)),
  ];
}

function groupBy(rows: readonly ShipmentRow[], key: (r: ShipmentRow) => string): [string, ShipmentRow[]][] {
  const groups = new Map<string, ShipmentRow[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}

const GROUP_COLUMNS = [
  { header: 'Group', width: 2 },
  { header: 'Shipments', align: 'right' as const },
  { header: 'Delivered', align: 'right' as const },
  { header: 'Failed', align: 'right' as const },
  { header: 'Open', align: 'right' as const },
  { header: 'Median h', align: 'right' as const },
  { header: 'P90 h', align: 'right' as const },
];

function compose(data: Data, p: ShippingReportParams): ReportBlock[] {
  const { rows } = data;
  const cod = new Map<string, bigint>();
  for (const r of rows)
    if (r.codCollectedMinor) cod.set(r.currency, (cod.get(r.currency) ?? 0n) + r.codCollectedMinor);
  const zoneName = (z: string) => z.replace(/_/g, ' ');
  return [
    {
      type: 'keyValue',
      entries: [
        { label: 'Period (UTC)', value: `${p.from} to ${p.to}` },
        { label: 'Shipments', value: count(rows.length) },
        ...[...cod].map(([currency, amount]) => ({
          label: `COD collected (${currency})`,
          value: formatMajor(money(amount, currency as CurrencyCode)),
        })),
      ],
    },
    ...(data.truncated
      ? [
          {
            type: 'paragraph' as const,
            text: `Only the first ${count(MAX_SHIPMENTS)} shipments of the period are counted.`,
          },
        ]
      : []),
    { type: 'heading', text: 'By courier', level: 2 },
    {
      type: 'table',
      columns: GROUP_COLUMNS,
      rows: groupBy(rows, (r) => r.courier).map(([k, g]) => groupRow(k, g)),
      emptyText: 'No shipments',
    },
    { type: 'heading', text: 'By zone', level: 2 },
    {
      type: 'table',
      columns: GROUP_COLUMNS,
      rows: groupBy(rows, (r) => zoneName(r.zone)).map(([k, g]) => groupRow(k, g)),
      emptyText: 'No shipments',
    },
    { type: 'heading', text: 'By status', level: 2 },
    {
      type: 'table',
      columns: [
        { header: 'Status', width: 2 },
        { header: 'Shipments', align: 'right' },
      ],
      rows: groupBy(rows, (r) => r.status).map(([k, g]) => [k.replace(/_/g, ' '), count(g.length)]),
      emptyText: 'No shipments',
    },
    { type: 'heading', text: 'Delivery times by courier and zone (hours from booking)', level: 2 },
    {
      type: 'table',
      columns: GROUP_COLUMNS,
      rows: groupBy(rows, (r) => `${r.courier} · ${zoneName(r.zone)}`).map(([k, g]) => groupRow(k, g)),
      emptyText: 'No shipments',
    },
  ];
}

const repo = new ShipmentsRepository();

/** `shipping.summary`: shipments of a period by courier, zone and status, with delivery times. */
export const shippingSummaryReport = defineReport({
  kind: SHIPPING_REPORT_KIND,
  paramsSchema: ShippingReportParamsSchema,
  title: (p) => `Shipping report ${p.from} to ${p.to}`,
  load: async (ctx, p, tx): Promise<Data> => {
    const rows = await repo.createdBetween(
      tx,
      ctx.tenantId,
      new Date(`${p.from}T00:00:00Z`),
      new Date(Date.parse(`${p.to}T00:00:00Z`) + DAY_MS),
      MAX_SHIPMENTS + 1,
    );
    return { rows: rows.slice(0, MAX_SHIPMENTS), truncated: rows.length > MAX_SHIPMENTS };
  },
  compose,
});

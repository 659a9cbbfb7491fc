import { Injectable } from '@nestjs/common';
import { addMoney, type CurrencyCode, formatMajor, type Money, money, multiplyMoney } from '@haat/common';
import { defineReport, type ReportBlock } from '@haat/reporting';
import { z } from 'zod';
import { SkuRepository } from '../stock/sku.repository.js';
import { StockMovementRepository } from '../stock/stock-movement.repository.js';
import type { SkuRow, StockMovementRow } from '../stock/stock.schema.js';
import { WarehousesRepository } from '../warehouses/warehouses.repository.js';
import type { WarehouseRow } from '../warehouses/warehouses.schema.js';

/** Movements listed in one report at most; the report says when there were more. */
const MAX_MOVEMENTS = 5_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export const STOCK_REPORT_KIND = 'inventory.stock';

export const StockReportParamsSchema = z
  .object({
    /** First day of the movements period (UTC), `YYYY-MM-DD`. */
    from: z.iso.date(),
    /** Last day, inclusive. */
    to: z.iso.date(),
    /** One vendor's stock only; a vendor's people always get their own. */
    vendorId: z.string().uuid().optional(),
  })
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'must not be before from' })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 366 * DAY_MS, {
    path: ['to'],
    message: 'the period may span at most 366 days',
  });
export type StockReportParams = z.output<typeof StockReportParamsSchema>;

interface StockReportData {
  skus: SkuRow[];
  warehouses: Map<string, WarehouseRow>;
  movements: StockMovementRow[];
  truncated: boolean;
}

const count = (n: number) => n.toLocaleString('en-US');
const unitCostOf = (s: SkuRow): Money | null =>
  s.unitCostMinor !== null && s.costCurrency !== null
    ? money(s.unitCostMinor, s.costCurrency as CurrencyCode)
    : null;

/**
 * `inventory.stock`: valuation (units on hand × moving average cost, totals per currency), the
 * SKUs at or below their low-stock threshold, and every movement of the period.
 */
@Injectable()
export class StockReportDefinition {
  readonly definition;

  constructor(skus: SkuRepository, movements: StockMovementRepository, warehouses: WarehousesRepository) {
    this.definition = defineReport({
      kind: STOCK_REPORT_KIND,
      paramsSchema: StockReportParamsSchema,
      title: (p) => `Stock report ${p.from} to ${p.to}`,
      load: async (ctx, p, tx): Promise<StockReportData> => {
        // One transaction, one connection: the reads run one after another.
        const skuRows = await skus.all(tx, ctx.tenantId, p.vendorId);
        const warehouseRows = await warehouses.list(tx, ctx.tenantId, { vendorId: p.vendorId }, 10_000);
        const movementRows = await movements.inPeriod(
          tx,
          ctx.tenantId,
          {
            from: new Date(`${p.from}T00:00:00Z`),
            to: new Date(Date.parse(`${p.to}T00:00:00Z`) + DAY_MS),
            vendorId: p.vendorId,
          },
          MAX_MOVEMENTS + 1,
        );
        return {
          skus: skuRows,
          warehouses: new Map(warehouseRows.map((w) => [w.id, w])),
          movements: movementRows.slice(0, MAX_MOVEMENTS),
          truncated: movementRows.length > MAX_MOVEMENTS,
        };
      },
      compose: (data, p) => composeStockReport(data, p),
    });
  }
}

function composeStockReport(data: StockReportData, p: StockReportParams): ReportBlock[] {
  const totals = new Map<string, Money>();
  let unvalued = 0;
  const valuationRows = data.skus.map((s) => {
    const cost = unitCostOf(s);
    const value = cost ? multiplyMoney(cost, s.onHand) : null;
    if (value) {
      const sum = totals.get(value.currency);
      totals.set(value.currency, sum ? addMoney(sum, value) : value);
    } else if (s.onHand > 0) {
      unvalued += 1;
    }
    return [
      s.sku,
      count(s.onHand),
      count(s.reserved),
      count(s.onHand - s.reserved),
      cost ? `${formatMajor(cost)} ${cost.currency}` : '—',
      value ? `${formatMajor(value)} ${value.currency}` : '—',
    ];
  });
  const low = data.skus.filter((s) => s.lowStock && s.lowStockThreshold !== null);
  const warehouseName = (id: string) => data.warehouses.get(id)?.code ?? `${id.slice(0, 8)} (deleted)`;
  return [
    { type: 'heading', text: 'Valuation' },
    {
      type: 'keyValue',
      entries: [
        ...(p.vendorId ? [{ label: 'Vendor', value: p.vendorId }] : []),
        { label: 'SKUs', value: count(data.skus.length) },
        { label: 'Units on hand', value: count(data.skus.reduce((n, s) => n + s.onHand, 0)) },
        ...[...totals.values()].map((m) => ({ label: `Stock value (${m.currency})`, value: formatMajor(m) })),
        ...(unvalued > 0 ? [{ label: 'SKUs on hand without a cost', value: count(unvalued) }] : []),
      ],
    },
    {
      type: 'table',
      columns: [
        { header: 'SKU', width: 3 },
        { header: 'On hand', align: 'right' },
        { header: 'Reserved', align: 'right' },
        { header: 'Available', align: 'right' },
        { header: 'Unit cost', align: 'right', width: 2 },
        { header: 'Value', align: 'right', width: 2 },
      ],
      rows: valuationRows,
      emptyText: 'No stock',
    },
    { type: 'heading', text: 'Low stock' },
    {
      type: 'table',
      columns: [
        { header: 'SKU', width: 3 },
        { header: 'Available', align: 'right' },
        { header: 'Threshold', align: 'right' },
      ],
      rows: low.map((s) => [s.sku, count(s.onHand - s.reserved), count(s.lowStockThreshold ?? 0)]),
      emptyText: 'No SKU is at or below its threshold',
    },
    { type: 'heading', text: `Movements ${p.from} to ${p.to}` },
    ...(data.truncated
      ? [
          {
            type: 'paragraph' as const,
            text: `Only the latest ${count(MAX_MOVEMENTS)} movements of the period are listed.`,
          },
        ]
      : []),
    {
      type: 'table',
      columns: [
        { header: 'Time (UTC)', width: 2 },
        { header: 'SKU', width: 2 },
        { header: 'Warehouse', width: 2 },
        { header: 'Type', width: 1.4 },
        { header: 'On hand', align: 'right' },
        { header: 'Reserved', align: 'right' },
        { header: 'Reason', width: 2 },
      ],
      rows: data.movements.map((m) => [
        m.createdAt.toISOString().slice(0, 19).replace('T', ' '),
        m.sku,
        warehouseName(m.warehouseId),
        m.type,
        signed(m.onHandDelta),
        signed(m.reservedDelta),
        m.reason ?? '',
      ]),
      emptyText: 'No movements in this period',
    },
  ];
}

function signed(n: number): string {
  return n > 0 ? `+${count(n)}` : n === 0 ? '0' : `-${count(-n)}`;
}

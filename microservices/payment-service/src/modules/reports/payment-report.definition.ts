import { and, asc, count, eq, gte, lt, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { CurrencyCodeSchema, formatMajor } from '@haat/common';
import { defineReport } from '@haat/reporting';
import { z } from 'zod';
import { paymentIntents } from '../intents/intents.schema.js';
import { paymentRefunds } from '../refunds/refunds.schema.js';

const DAY_MS = 86_400_000;

function money(minor: string | bigint, currency: string): string {
  const code = CurrencyCodeSchema.safeParse(currency);
  return code.success
    ? `${formatMajor({ amountMinor: BigInt(minor), currency: code.data })} ${currency}`
    : `${minor} ${currency} (minor)`;
}

/** The period's payments by method and by status, and its refunds (`payments.summary`). */
export const paymentSummaryReport = defineReport({
  kind: 'payments.summary',
  paramsSchema: z
    .object({ from: z.iso.date(), to: z.iso.date() })
    .refine((p) => p.from <= p.to, { message: 'must not be after to', path: ['from'] })
    .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 366 * DAY_MS, {
      message: 'the period is at most a year',
      path: ['to'],
    }),
  title: (p) => `Payments ${p.from} to ${p.to}`,
  load: async (ctx, p, tx) => {
    const from = new Date(`${p.from}T00:00:00Z`);
    const until = new Date(Date.parse(`${p.to}T00:00:00Z`) + DAY_MS);
    const inPeriod = and(
      eq(paymentIntents.tenantId, ctx.tenantId),
      gte(paymentIntents.createdAt, from),
      lt(paymentIntents.createdAt, until),
    );
    const total = (column: AnyPgColumn) => sql<string>`coalesce(sum(${column}), 0)::text`;
    const byMethod = await tx
      .select({
        method: paymentIntents.method,
        currency: paymentIntents.currency,
        payments: count(),
        succeeded: sql<number>`count(*) filter (where ${paymentIntents.capturedMinor} > 0)::int`,
        captured: total(paymentIntents.capturedMinor),
        refunded: total(paymentIntents.refundedMinor),
      })
      .from(paymentIntents)
      .where(inPeriod)
      .groupBy(paymentIntents.method, paymentIntents.currency)
      .orderBy(asc(paymentIntents.method), asc(paymentIntents.currency));
    const byStatus = await tx
      .select({
        status: paymentIntents.status,
        currency: paymentIntents.currency,
        payments: count(),
        amount: total(paymentIntents.amountMinor),
      })
      .from(paymentIntents)
      .where(inPeriod)
      .groupBy(paymentIntents.status, paymentIntents.currency)
      .orderBy(asc(paymentIntents.status), asc(paymentIntents.currency));
    const refunds = await tx
      .select({
        createdAt: paymentRefunds.createdAt,
        reference: paymentIntents.reference,
        method: paymentIntents.method,
        amount: paymentRefunds.amountMinor,
        currency: paymentRefunds.currency,
        status: paymentRefunds.status,
        reason: paymentRefunds.reason,
      })
      .from(paymentRefunds)
      .innerJoin(
        paymentIntents,
        and(
          eq(paymentIntents.tenantId, paymentRefunds.tenantId),
          eq(paymentIntents.id, paymentRefunds.intentId),
        ),
      )
      .where(
        and(
          eq(paymentRefunds.tenantId, ctx.tenantId),
          gte(paymentRefunds.createdAt, from),
          lt(paymentRefunds.createdAt, until),
        ),
      )
      .orderBy(asc(paymentRefunds.createdAt))
      .limit(10_000);
    return { byMethod, byStatus, refunds };
  },
  compose: (data, p) => [
    {
      type: 'keyValue',
      entries: [
        { label: 'Period', value: `${p.from} to ${p.to} (UTC)` },
        { label: 'Payments', value: String(data.byMethod.reduce((n, r) => n + r.payments, 0)) },
        { label: 'Refunds', value: String(data.refunds.length) },
      ],
    },
    { type: 'heading', text: 'By method', level: 2 },
    {
      type: 'table',
      columns: [
        { header: 'Method' },
        { header: 'Payments', align: 'right' },
        { header: 'Succeeded', align: 'right' },
        { header: 'Captured', align: 'right', width: 2 },
        { header: 'Refunded', align: 'right', width: 2 },
      ],
      rows: data.byMethod.map((r) => [
        r.method,
        String(r.payments),
        String(r.succeeded),
        money(r.captured, r.currency),
        money(r.refunded, r.currency),
      ]),
      emptyText: 'No payments in this period',
    },
    { type: 'heading', text: 'By status', level: 2 },
    {
      type: 'table',
      columns: [
        { header: 'Status', width: 2 },
        { header: 'Payments', align: 'right' },
        { header: 'Amount', align: 'right', width: 2 },
      ],
      rows: data.byStatus.map((r) => [r.status, String(r.payments), money(r.amount, r.currency)]),
      emptyText: 'No payments in this period',
    },
    { type: 'heading', text: 'Refunds', level: 2 },
    {
      type: 'table',
      columns: [
        { header: 'Date', width: 2 },
        { header: 'Payment', width: 3 },
        { header: 'Method' },
        { header: 'Amount', align: 'right', width: 2 },
        { header: 'Status' },
        { header: 'Reason', width: 3 },
      ],
      rows: data.refunds.map((r) => [
        r.createdAt.toISOString().slice(0, 16).replace('T', ' '),
        r.reference,
        r.method,
        money(r.amount, r.currency),
        r.status,
        r.reason,
      ]),
      emptyText: 'No refunds in this period',
    },
  ],
});

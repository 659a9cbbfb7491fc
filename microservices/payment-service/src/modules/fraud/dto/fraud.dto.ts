import { z } from 'zod';
import { IdSchema } from '@haat/common';
import { BLOCKLIST_KINDS } from '../fraud.schema.js';
import type { BlocklistEntryRow, RiskAssessmentRow } from '../fraud.schema.js';

export const AddBlockSchema = z
  .object({
    kind: z.enum(BLOCKLIST_KINDS),
    value: z.string().trim().min(1).max(200),
    reason: z.string().trim().min(1).max(500),
  })
  .strict();

export const BlockIdParamsSchema = z.object({ id: IdSchema });

export const PageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(512).optional(),
});

export const ListAssessmentsQuerySchema = PageSchema.extend({
  decision: z.enum(['allow', 'review', 'deny']).optional(),
});

/** The keyset cursor of the fraud lists. */
export const CreatedCursorSchema = z.object({ createdAt: z.iso.datetime(), id: IdSchema });

/** Normalises a blocklisted value the way payments are matched against it. */
export function normaliseBlockValue(kind: string, value: string): string {
  const v = value.trim();
  if (kind === 'email') return v.toLowerCase();
  if (kind === 'phone') return v.replace(/[^\d+]/g, '').replace(/^\+?88(?=01)/, '');
  return v;
}

export function toBlockView(row: BlocklistEntryRow) {
  return {
    id: row.id,
    kind: row.kind,
    value: row.value,
    reason: row.reason,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toAssessmentView(row: RiskAssessmentRow) {
  return {
    id: row.id,
    intentId: row.intentId,
    orderId: row.orderId,
    score: row.score,
    decision: row.decision,
    reasons: row.reasons,
    signals: row.signals,
    createdAt: row.createdAt.toISOString(),
  };
}

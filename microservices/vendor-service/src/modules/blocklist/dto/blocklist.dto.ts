import { IdSchema, PageQuerySchema, pageSchema } from '@haat/common';
import { z } from 'zod';
import {
  checkBankAccount,
  checkBdMobile,
  checkBin,
  checkNid,
  checkTin,
  type RuleResult,
} from '../../compliance/bd-identifiers.rules.js';
import { BLOCKLIST_KINDS, type BlocklistKind, type BlocklistRow } from '../blocklist.schema.js';

/** How a value of each kind is checked and normalized, so `01712-345678` and `+8801712345678` are one entry. */
export const NORMALIZE_BY_KIND: Readonly<Record<BlocklistKind, (raw: string) => RuleResult>> = {
  nid: checkNid,
  tin: checkTin,
  bin: checkBin,
  phone: checkBdMobile,
  bank_account: checkBankAccount,
};

/** `POST /v1/vendors/blocklist`: an invalid value answers 400 naming `value` and the rule. */
export const AddBlocklistEntrySchema = z
  .strictObject({
    kind: z.enum(BLOCKLIST_KINDS),
    value: z.string().trim().min(1).max(60),
    reason: z.string().trim().min(3).max(500),
  })
  .transform((input, ctx) => {
    const result = NORMALIZE_BY_KIND[input.kind](input.value);
    if (result.ok) return { ...input, value: result.value };
    ctx.addIssue({ code: 'custom', path: ['value'], message: result.rule });
    return z.NEVER;
  });
export type AddBlocklistEntryInput = z.output<typeof AddBlocklistEntrySchema>;

export const ListBlocklistQuerySchema = PageQuerySchema.extend({
  kind: z.enum(BLOCKLIST_KINDS).optional(),
}).strict();
export const BlocklistIdParamsSchema = z.strictObject({ id: IdSchema });

export const BlocklistEntrySchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(BLOCKLIST_KINDS),
  /** The value masked; the value itself is never stored. */
  valueHint: z.string(),
  reason: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string().datetime(),
});
export type BlocklistEntry = z.infer<typeof BlocklistEntrySchema>;
export const BlocklistPageSchema = pageSchema(BlocklistEntrySchema);

export function toBlocklistEntry(row: BlocklistRow): BlocklistEntry {
  return {
    id: row.id,
    kind: row.kind,
    valueHint: row.valueHint,
    reason: row.reason,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

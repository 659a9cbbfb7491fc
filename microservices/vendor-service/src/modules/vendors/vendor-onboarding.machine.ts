import { ConflictError } from '@haat/common';
import type { VendorStatusValue } from './vendors.schema.js';

/**
 * The onboarding state machine as a table: each action, the statuses it may start from and the
 * statuses it may lead to. `apply` creates a vendor in `applied`. `submit` (documents in, checks
 * run) leads to `submitted` when every check passed, `checks_failed` otherwise, and may be
 * repeated (a resubmission re-runs every check). Only a `submitted` vendor can be approved; a
 * rejected one may resubmit; only an approved one can be suspended, and reinstated back.
 *
 * ```
 *            submit                  approve
 * applied ───────────► submitted ─────────────► approved ◄──┐
 *    │                 ▲   │   ▲                  │ suspend │ reinstate
 *    │ submit          │   │   │ submit           ▼         │
 *    └─────► checks_failed ◄───┘ (failed)         suspended ─┘
 *                 │  reject        │ reject
 *                 └────► rejected ◄┘   (rejected ── submit ──► submitted | checks_failed)
 * ```
 */
export const VENDOR_TRANSITIONS = {
  submit: {
    from: ['applied', 'submitted', 'checks_failed', 'rejected'],
    to: ['submitted', 'checks_failed'],
  },
  approve: { from: ['submitted'], to: ['approved'] },
  reject: { from: ['submitted', 'checks_failed'], to: ['rejected'] },
  suspend: { from: ['approved'], to: ['suspended'] },
  reinstate: { from: ['suspended'], to: ['approved'] },
} as const satisfies Record<string, { from: readonly VendorStatusValue[]; to: readonly VendorStatusValue[] }>;

export type VendorAction = keyof typeof VENDOR_TRANSITIONS;

/** The only statuses a vendor may list and sell in. */
export const SELLING_STATUSES: readonly VendorStatusValue[] = ['approved'];

/** While the vendor may still change who it is (names, business type) without a new submission. */
export const KYC_EDITABLE_STATUSES: readonly VendorStatusValue[] = ['applied', 'checks_failed', 'rejected'];

export const ILLEGAL_TRANSITION = 'VENDOR_ILLEGAL_TRANSITION';

/** True when `action` may take a vendor from `from` to `to`. */
export function canTransition(action: VendorAction, from: VendorStatusValue, to: VendorStatusValue): boolean {
  const t = VENDOR_TRANSITIONS[action];
  return (
    (t.from as readonly VendorStatusValue[]).includes(from) &&
    (t.to as readonly VendorStatusValue[]).includes(to)
  );
}

/** Throws 409 `VENDOR_ILLEGAL_TRANSITION` unless `action` may start from `from`. */
export function assertCanStart(action: VendorAction, from: VendorStatusValue): void {
  if (!(VENDOR_TRANSITIONS[action].from as readonly VendorStatusValue[]).includes(from)) {
    throw new ConflictError(ILLEGAL_TRANSITION, `A vendor in status ${from} cannot be ${PAST[action]}`, {
      action,
      from,
      allowedFrom: VENDOR_TRANSITIONS[action].from,
    });
  }
}

const PAST: Record<VendorAction, string> = {
  submit: 'submitted',
  approve: 'approved',
  reject: 'rejected',
  suspend: 'suspended',
  reinstate: 'reinstated',
};

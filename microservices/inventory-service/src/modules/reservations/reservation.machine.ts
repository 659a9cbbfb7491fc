export const RESERVATION_STATUSES = ['active', 'committed', 'released', 'expired', 'rejected'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/** What may follow what. `committed`, `released`, `expired` and `rejected` are final. */
const TRANSITIONS: Readonly<Record<ReservationStatus, readonly ReservationStatus[]>> = {
  active: ['committed', 'released', 'expired'],
  committed: [],
  released: [],
  expired: [],
  rejected: [],
};

export function canTransition(from: ReservationStatus, to: ReservationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

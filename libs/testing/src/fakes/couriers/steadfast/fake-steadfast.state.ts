/** A merchant of the fake: API keys, account state, balance and webhook settings. */
export interface SteadfastMerchant {
  apiKey: string;
  secretKey: string;
  active: boolean;
  /** BDT. Moves when consignments reach delivered / partial_delivered / cancelled. */
  balance: number;
  webhook?: { url: string; token: string };
}

export interface SteadfastConsignment {
  consignment_id: number;
  invoice: string;
  tracking_code: string;
  apiKey: string;
  recipient_name: string;
  recipient_phone: string;
  recipient_address: string;
  cod_amount: number;
  note: string | null;
  status: string;
  delivery_charge: number;
  created_at: string;
  updated_at: string;
  step: number;
}

export interface SteadfastReturnRequest {
  id: number;
  user_id: number;
  consignment_id: number;
  reason: string | null;
  status: 'pending' | 'approved' | 'processing' | 'completed' | 'cancelled';
  created_at: string;
  updated_at: string;
}

/** `delivery_status` values (section 2.2). */
export const STEADFAST_STATUSES = [
  'pending',
  'delivered_approval_pending',
  'partial_delivered_approval_pending',
  'cancelled_approval_pending',
  'unknown_approval_pending',
  'delivered',
  'partial_delivered',
  'cancelled',
  'hold',
  'in_review',
  'unknown',
] as const;

/** The walk a parcel takes in the demo: tracking messages between the status changes. */
export const STEADFAST_HAPPY_PATH: readonly ({ status: string } | { tracking: string })[] = [
  { status: 'pending' },
  { tracking: 'Picked up by the rider from the merchant' },
  { tracking: 'Received at the sorting hub' },
  { tracking: 'Out for delivery' },
  { status: 'delivered_approval_pending' },
  { status: 'delivered' },
];

/** `YYYY-MM-DD HH:MM:SS` in Bangladesh time (UTC+6), as Steadfast writes `updated_at`. */
export function steadfastTime(at: Date): string {
  return new Date(at.getTime() + 6 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** A merchant account of the bKash sandbox. */
export interface BkashMerchant {
  username: string;
  password: string;
  appKey: string;
  appSecret: string;
  /** The organisation short code shown in searches and IPNs. */
  shortCode?: string;
}

/** Where a payment is in the fake (bKash's `transactionStatus`, plus the customer step). */
export type BkashPaymentStatus =
  'Initiated' | 'Approved' | 'Completed' | 'Authorized' | 'Cancelled' | 'Failed' | 'Expired';

/** A customer-side failure the wallet page can simulate: execute then answers this code. */
export type BkashCustomerFailure = '2023' | '2015' | '2018' | '2014';

export interface BkashRefund {
  refundTrxId: string;
  paisa: number;
  sku: string;
  reason: string;
  completedAt: Date;
}

export interface BkashPayment {
  paymentID: string;
  appKey: string;
  mode: string;
  paisa: number;
  currency: string;
  intent: 'sale' | 'authorization';
  payerReference: string;
  callbackURL: string;
  merchantInvoiceNumber: string;
  status: BkashPaymentStatus;
  /** What the customer chose on the wallet page. */
  outcome?: 'success' | 'failure' | 'cancel';
  executeFailure?: BkashCustomerFailure;
  trxID?: string;
  customerMsisdn: string;
  createdAt: Date;
  executedAt?: Date;
  updatedAt?: Date;
  refunds: BkashRefund[];
}

export const BKASH_MESSAGES: Record<string, string> = {
  '0000': 'Successful',
  '2001': 'Invalid App Key',
  '2002': 'Invalid Payment ID',
  '2006': 'Invalid Amount',
  '2007': 'Invalid Currency',
  '2008': 'Invalid Intent',
  '2014': 'Wrong PIN',
  '2015': 'Wrong PIN count exceeded',
  '2018': 'OTP verification time expired',
  '2023': 'Insufficient Balance',
  '2031': 'Invalid Merchant Invoice Number',
  '2033': 'Transaction not found',
  '2049': 'Invalid Merchant Callback URL',
  '2056': 'Invalid Payment State',
  '2060': 'Payment execution pre-requisite hasn’t been met',
  '2062': 'The payment has already been completed',
  '2064': 'This product mode currently unavailable',
  '2065': 'Mandatory field missing',
  '2071': 'Refund after the allowed days is not permitted',
  '2072': 'Refund amount is not valid',
  '2077': 'Invalid TrxID',
  '2119': 'Authorized payment already processed',
  '2127': 'Transaction is not yet completed',
};

export function paymentRemaining(payment: BkashPayment): number {
  return payment.paisa - payment.refunds.reduce((sum, r) => sum + r.paisa, 0);
}

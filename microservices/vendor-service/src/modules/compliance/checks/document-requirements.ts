import type { BusinessType } from '../../vendors/vendors.schema.js';

export const DOCUMENT_TYPES = [
  'nid',
  'trade_licence',
  'tin_certificate',
  'bin_certificate',
  'incorporation_certificate',
  'partnership_deed',
  'bank_statement',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_LABELS: Readonly<Record<DocumentType, string>> = {
  nid: 'NID of the owner',
  trade_licence: 'trade licence',
  tin_certificate: 'e-TIN certificate',
  bin_certificate: 'BIN (VAT registration) certificate',
  incorporation_certificate: 'certificate of incorporation (RJSC)',
  partnership_deed: 'partnership deed',
  bank_statement: 'bank statement',
  other: 'other document',
};

/**
 * What a marketplace in Bangladesh asks of each kind of business: every seller shows the owner's
 * NID, a trade licence and an e-TIN; a partnership adds its deed; a limited company its RJSC
 * incorporation certificate and its VAT registration (BIN).
 */
export const REQUIRED_DOCUMENTS: Readonly<Record<BusinessType, readonly DocumentType[]>> = {
  individual: ['nid', 'trade_licence', 'tin_certificate'],
  partnership: ['nid', 'trade_licence', 'tin_certificate', 'partnership_deed'],
  company: ['nid', 'trade_licence', 'tin_certificate', 'bin_certificate', 'incorporation_certificate'],
};

/** Documents whose number is part of the check (and must be given). */
export const NUMBERED_DOCUMENTS: readonly DocumentType[] = [
  'nid',
  'trade_licence',
  'tin_certificate',
  'bin_certificate',
];

import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@haat/common';
import type { Tx } from '@haat/database';
import { SERVICE_CONFIG } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { utcDay, VENDOR_CLOCK } from '../../infrastructure/clock/vendor-clock.js';
import { MediaAssetsClient } from '../../infrastructure/media/media-assets.client.js';
import type { VendorServiceConfig } from '../../config/vendor-service.config.js';
import { type BlocklistCandidate, BlocklistService } from '../blocklist/blocklist.service.js';
import { payoutCandidates, PayoutsService } from '../payouts/payouts.service.js';
import type { VendorRow } from '../vendors/vendors.schema.js';
import { checkBdMobile, checkBin, checkNid, checkTin, type RuleResult } from './bd-identifiers.rules.js';
import type {
  ComplianceSubject,
  MediaFinding,
  PayoutDetails,
  SubmittedDocument,
} from './checks/compliance-check.js';
import type { SubmitDocumentsInput } from './dto/submit-documents.dto.js';

const BLOCKLISTED_DOCUMENTS = [
  { type: 'nid', kind: 'nid', rule: checkNid },
  { type: 'tin_certificate', kind: 'tin', rule: checkTin },
  { type: 'bin_certificate', kind: 'bin', rule: checkBin },
] as const satisfies readonly {
  type: string;
  kind: BlocklistCandidate['kind'];
  rule: (raw: string) => RuleResult;
}[];

/**
 * Gathers what the compliance checks look at: the submitted documents, the opened payout
 * account, blocklist hits of every identifier, the media-service status of every file, and
 * today's date, so the checks themselves stay pure functions.
 */
@Injectable()
export class ComplianceSubjectLoader {
  constructor(
    @Inject(VENDOR_CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: VendorServiceConfig,
    private readonly media: MediaAssetsClient,
    private readonly payouts: PayoutsService,
    private readonly blocklist: BlocklistService,
  ) {}

  /** The files' statuses from media-service (a network call: outside any transaction); null when not configured. */
  async mediaFindings(ctx: TenantContext, input: SubmitDocumentsInput): Promise<MediaFinding[] | null> {
    if (!this.media.configured) return null;
    const statuses = await this.media.statuses(
      ctx,
      input.documents.map((d) => d.mediaAssetId),
    );
    return input.documents.map((d, index) => {
      const s = statuses.get(d.mediaAssetId) ?? { status: 'missing' as const, error: null };
      return { index, mediaAssetId: d.mediaAssetId, status: s.status, error: s.error };
    });
  }

  async load(
    tx: Tx,
    vendor: VendorRow,
    input: SubmitDocumentsInput,
    media: MediaFinding[] | null,
  ): Promise<ComplianceSubject> {
    const documents: SubmittedDocument[] = input.documents.map((d, index) => ({
      index,
      type: d.type,
      mediaAssetId: d.mediaAssetId,
      holderName: d.holderName,
      number: d.number ?? null,
      issuedOn: d.issuedOn ?? null,
      expiresOn: d.expiresOn ?? null,
    }));
    const payout = await this.payouts.detailsFor(tx, vendor.id);
    const hits = await this.blocklist.matches(tx, identifiersOf(vendor, documents, payout));
    return {
      vendor: { legalName: vendor.legalName, ownerName: vendor.ownerName, businessType: vendor.businessType },
      documents,
      payout,
      blocklisted: hits.map((h) => ({ field: h.field, kind: h.kind })),
      media,
      today: utcDay(this.clock.now()),
      nameMatchThreshold: this.config.VENDOR_NAME_MATCH_THRESHOLD,
    };
  }
}

/** The vendor's well-formed identifiers to look up on the blocklist (malformed ones fail their format check). */
function identifiersOf(
  vendor: VendorRow,
  documents: SubmittedDocument[],
  payout: PayoutDetails | null,
): BlocklistCandidate[] {
  const out: BlocklistCandidate[] = [];
  for (const d of documents) {
    const spec = BLOCKLISTED_DOCUMENTS.find((b) => b.type === d.type);
    const checked = spec && d.number ? spec.rule(d.number) : undefined;
    if (spec && checked?.ok)
      out.push({ kind: spec.kind, value: checked.value, field: `documents.${d.index}.number` });
  }
  const phone = checkBdMobile(vendor.contactPhone);
  if (phone.ok) out.push({ kind: 'phone', value: phone.value, field: 'contactPhone' });
  if (payout) out.push(...payoutCandidates(payout));
  return out;
}

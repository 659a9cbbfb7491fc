import { Inject, Injectable } from '@nestjs/common';
import { type Clock, decodeCursor, newId, NotFoundError, type Page, toPage } from '@haat/common';
import type { Database, Tx } from '@haat/database';
import { addToOutbox } from '@haat/messaging';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { z } from 'zod';
import { VENDOR_CLOCK } from '../../infrastructure/clock/vendor-clock.js';
import { toVendor, type Vendor } from '../vendors/dto/vendor.dto.js';
import { VendorLifecycle } from '../vendors/vendor-lifecycle.service.js';
import { assertCanStart } from '../vendors/vendor-onboarding.machine.js';
import { vendorSubmitted } from '../vendors/vendors.events.js';
import { runComplianceChecks } from './checks/compliance-checks.js';
import { checkBin, checkNid, checkTin, checkTradeLicence } from './bd-identifiers.rules.js';
import { COMPLIANCE_ERRORS } from './compliance.errors.js';
import { ComplianceRepository } from './compliance.repository.js';
import type { NewCheckRow, NewDocumentRow } from './compliance.schema.js';
import { ComplianceSubjectLoader } from './compliance-subject.loader.js';
import { DocumentNumberSealer } from './document-number.sealer.js';
import {
  type Submission,
  type SubmissionSummary,
  toSubmission,
  toSubmissionSummary,
} from './dto/compliance.dto.js';
import type { SubmitDocumentsInput } from './dto/submit-documents.dto.js';
import { maskIdentifier } from './identifier.mask.js';

const CursorSchema = z.object({ number: z.number().int().positive() });
const NORMALIZERS = {
  nid: checkNid,
  tin_certificate: checkTin,
  bin_certificate: checkBin,
  trade_licence: checkTradeLicence,
} as const;

/**
 * Document submissions: every submission (and resubmission) stores its documents, runs every
 * compliance check, stores each result with its reason, and moves the vendor to `submitted`
 * (all passed) or `checks_failed` — with an audit row and `vendor.submitted.v1`, in one transaction.
 */
@Injectable()
export class SubmissionsService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(VENDOR_CLOCK) private readonly clock: Clock,
    private readonly repository: ComplianceRepository,
    private readonly lifecycle: VendorLifecycle,
    private readonly subjects: ComplianceSubjectLoader,
    private readonly sealer: DocumentNumberSealer,
  ) {}

  async submit(
    ctx: TenantContext,
    vendorId: string,
    input: SubmitDocumentsInput,
  ): Promise<{ vendor: Vendor; submission: Submission }> {
    // Refuse early, before asking media-service about files of a vendor the caller cannot touch.
    await this.database.withTenant(ctx.tenantId, async (tx) => {
      const { vendor } = await this.lifecycle.read(ctx, tx, vendorId, 'vendor:update');
      assertCanStart('submit', vendor.status);
    });
    const media = await this.subjects.mediaFindings(ctx, input);
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      const { vendor, store } = await this.lifecycle.lock(ctx, tx, vendorId, 'vendor:update');
      assertCanStart('submit', vendor.status);
      const subject = await this.subjects.load(tx, vendor, input, media);
      const results = runComplianceChecks(subject);
      const failedChecks = results.filter((r) => r.outcome === 'failed').map((r) => r.code);
      const now = this.clock.now();
      const number = vendor.submissionCount + 1;
      const submission = await this.repository.insertSubmission(tx, {
        id: newId(),
        tenantId: ctx.tenantId,
        vendorId,
        number,
        outcome: failedChecks.length === 0 ? 'passed' : 'failed',
        submittedBy: ctx.userId,
        createdAt: now,
      });
      const documents: NewDocumentRow[] = subject.documents.map((d) => {
        const id = newId();
        const normalizer = NORMALIZERS[d.type as keyof typeof NORMALIZERS];
        const checked = d.number && normalizer ? normalizer(d.number) : undefined;
        const shown = checked?.ok ? checked.value : d.number;
        return {
          id,
          tenantId: ctx.tenantId,
          submissionId: submission.id,
          vendorId,
          position: d.index,
          type: d.type,
          mediaAssetId: d.mediaAssetId,
          holderName: d.holderName,
          numberSealed: d.number ? this.sealer.seal(ctx.tenantId, id, d.number) : null,
          numberHint: shown ? maskIdentifier(shown) : null,
          issuedOn: d.issuedOn,
          expiresOn: d.expiresOn,
        };
      });
      const checks: NewCheckRow[] = results.map((r) => ({
        id: newId(),
        tenantId: ctx.tenantId,
        submissionId: submission.id,
        vendorId,
        code: r.code,
        outcome: r.outcome,
        reason: r.reason,
        findings: r.findings,
        checkedAt: now,
      }));
      await this.repository.insertDocuments(tx, documents);
      await this.repository.insertChecks(tx, checks);
      const updated = await this.lifecycle.transition(
        ctx,
        tx,
        vendor,
        'submit',
        failedChecks.length === 0 ? 'submitted' : 'checks_failed',
        {
          details: { submission: number, failedChecks },
          patch: { submissionCount: number, submittedAt: now, statusReason: null },
        },
      );
      await addToOutbox(
        tx,
        vendorSubmitted(ctx, updated, store, { id: submission.id, number, failedChecks }),
      );
      return {
        vendor: toVendor(updated, store),
        submission: toSubmission(
          submission,
          await this.repository.documents(tx, submission.id),
          await this.repository.checks(tx, submission.id),
        ),
      };
    });
  }

  /** The latest submission in `tx`, without an access check (the PDF report's loader). */
  async latestIn(tx: Tx, vendorId: string): Promise<Submission | null> {
    const submission = await this.repository.latestSubmission(tx, vendorId);
    if (!submission) return null;
    return toSubmission(
      submission,
      await this.repository.documents(tx, submission.id),
      await this.repository.checks(tx, submission.id),
    );
  }

  /** The latest submission with its documents (numbers masked) and every check's result and reason. */
  async latest(ctx: TenantContext, vendorId: string): Promise<Submission> {
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      await this.lifecycle.read(ctx, tx, vendorId, 'vendor:read');
      const submission = await this.repository.latestSubmission(tx, vendorId);
      if (!submission) {
        throw new NotFoundError(
          COMPLIANCE_ERRORS.notSubmitted,
          'The vendor has not submitted documents yet',
          {
            vendorId,
          },
        );
      }
      return toSubmission(
        submission,
        await this.repository.documents(tx, submission.id),
        await this.repository.checks(tx, submission.id),
      );
    });
  }

  async list(
    ctx: TenantContext,
    vendorId: string,
    query: { limit: number; cursor?: string | undefined },
  ): Promise<Page<SubmissionSummary>> {
    const before = decodeCursor(query.cursor, CursorSchema);
    return this.database.withTenant(ctx.tenantId, async (tx) => {
      await this.lifecycle.read(ctx, tx, vendorId, 'vendor:read');
      const rows = await this.repository.submissions(tx, vendorId, query.limit, before?.number);
      const checks = await Promise.all(rows.map((r) => this.repository.checks(tx, r.id)));
      const byId = new Map(rows.map((r, i) => [r.id, checks[i] ?? []]));
      return toPage(
        rows,
        query.limit,
        (r) => ({ number: r.number }),
        (r) => toSubmissionSummary(r, byId.get(r.id) ?? []),
      );
    });
  }
}

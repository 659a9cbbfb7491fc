import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, decodeCursor, newId, NotFoundError, type Page, toPage } from '@haat/common';
import { type Database, isUniqueViolation, type Tx } from '@haat/database';
import { DATABASE } from '@haat/service';
import type { TenantContext } from '@haat/tenant';
import { z } from 'zod';
import { LookupHasher } from '../../infrastructure/crypto/lookup.hasher.js';
import { maskIdentifier } from '../compliance/identifier.mask.js';
import { BLOCKLIST_ERRORS } from './blocklist.errors.js';
import { BlocklistRepository } from './blocklist.repository.js';
import type { BlocklistKind } from './blocklist.schema.js';
import { type AddBlocklistEntryInput, type BlocklistEntry, toBlocklistEntry } from './dto/blocklist.dto.js';

/** A normalized identifier of a vendor to look up, and where it came from (a field name). */
export interface BlocklistCandidate {
  kind: BlocklistKind;
  value: string;
  field: string;
}

export interface BlocklistHit {
  kind: BlocklistKind;
  field: string;
  entryId: string;
  reason: string;
}

const CursorSchema = z.object({ id: z.string().uuid() });

/** The tenant's blocklist of seller identifiers: kept by the marketplace, consulted by compliance. */
@Injectable()
export class BlocklistService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repository: BlocklistRepository,
    private readonly hasher: LookupHasher,
  ) {}

  async add(ctx: TenantContext, input: AddBlocklistEntryInput): Promise<BlocklistEntry> {
    try {
      const row = await this.database.withTenant(ctx.tenantId, (tx) =>
        this.repository.insert(tx, {
          id: newId(),
          tenantId: ctx.tenantId,
          kind: input.kind,
          valueHash: this.hasher.hash(input.kind, input.value),
          valueHint: maskIdentifier(input.value),
          reason: input.reason,
          createdBy: ctx.userId,
        }),
      );
      return toBlocklistEntry(row);
    } catch (err) {
      if (isUniqueViolation(err, 'vendor_blocklist_value_uq')) {
        throw new ConflictError(
          BLOCKLIST_ERRORS.duplicate,
          `This ${input.kind} is already on the blocklist`,
          {
            kind: input.kind,
          },
        );
      }
      throw err;
    }
  }

  async list(
    ctx: TenantContext,
    query: { kind?: BlocklistKind | undefined; limit: number; cursor?: string | undefined },
  ): Promise<Page<BlocklistEntry>> {
    const before = decodeCursor(query.cursor, CursorSchema);
    const rows = await this.database.withTenant(ctx.tenantId, (tx) =>
      this.repository.list(tx, { kind: query.kind, limit: query.limit, beforeId: before?.id }),
    );
    return toPage(rows, query.limit, (r) => ({ id: r.id }), toBlocklistEntry);
  }

  async remove(ctx: TenantContext, id: string): Promise<void> {
    const removed = await this.database.withTenant(ctx.tenantId, (tx) => this.repository.remove(tx, id));
    if (!removed) throw new NotFoundError(BLOCKLIST_ERRORS.notFound, 'No such blocklist entry', { id });
  }

  /** Which of the candidates are on the tenant's blocklist (in `tx`, so under its tenant). */
  async matches(tx: Tx, candidates: readonly BlocklistCandidate[]): Promise<BlocklistHit[]> {
    const hashed = candidates.map((c) => ({ ...c, hash: this.hasher.hash(c.kind, c.value) }));
    const entries = await this.repository.byHashes(tx, [...new Set(hashed.map((c) => c.hash))]);
    return hashed.flatMap((c) =>
      entries
        .filter((e) => e.valueHash === c.hash && e.kind === c.kind)
        .map((e) => ({ kind: c.kind, field: c.field, entryId: e.id, reason: e.reason })),
    );
  }
}

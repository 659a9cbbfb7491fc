import { Inject, Injectable } from '@nestjs/common';
import {
  ConflictError,
  decodeCursor,
  newId,
  NotFoundError,
  toPage,
  type Page,
  UnavailableError,
  UnprocessableError,
  ValidationError,
} from '@haat/common';
import {
  type Database,
  type DbExecutor,
  type Tx,
  PG_ERROR,
  isUniqueViolation,
  pgError,
} from '@haat/database';
import { addToOutbox } from '@haat/messaging';
import { DATABASE, SERVICE_CONFIG } from '@haat/service';
import type { RequestContext, TenantContext } from '@haat/tenant';
import { z } from 'zod';
import type { TenantServiceConfig } from '../../config/tenant-service.config.js';
import {
  isAbsentRecordError,
  TXT_RECORD_RESOLVER,
  type TxtRecordResolver,
} from '../../infrastructure/dns/txt-record.resolver.js';
import {
  hasVerificationRecord,
  newVerificationToken,
  verificationRecord,
} from './domain-verification.record.js';
import { DOMAIN_ERRORS } from './domains.errors.js';
import { domainAdded, domainRemoved, domainVerified } from './domains.events.js';
import { DomainsRepository } from './domains.repository.js';
import type { TenantDomainRow } from './domains.schema.js';
import { type Domain, toDomain } from './dto/domain.dto.js';
import type { ListDomainsQuery } from './dto/list-domains.query.js';
import { customDomainProblem, platformSubdomain } from './host-name.rules.js';

const DomainCursorSchema = z.object({ id: z.string().uuid() });
const DNS_RETRY_AFTER_MS = 30_000;

/** The host names tenants answer at: platform subdomains and verified custom domains. */
@Injectable()
export class DomainsService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(SERVICE_CONFIG) private readonly config: TenantServiceConfig,
    @Inject(TXT_RECORD_RESOLVER) private readonly dns: TxtRecordResolver,
    private readonly repository: DomainsRepository,
  ) {}

  /** Gives a new tenant its `<slug>.<base domain>`, verified, in the tenant's creating transaction. */
  async addPlatformSubdomain(
    ctx: RequestContext,
    tenant: { id: string; slug: string },
    tx: Tx,
  ): Promise<Domain> {
    const row = await this.repository.insert(
      tx,
      {
        id: newId(),
        tenantId: tenant.id,
        hostname: platformSubdomain(tenant.slug, this.config.HAAT_BASE_DOMAIN),
        kind: 'subdomain',
      },
      { verified: true },
    );
    await addToOutbox(tx, domainAdded(ctx, row));
    return toDomain(row);
  }

  /** Claims a custom domain for the caller's tenant; it serves traffic once verified. */
  async add(ctx: TenantContext, hostname: string): Promise<Domain> {
    const problem = customDomainProblem(hostname, this.config.HAAT_BASE_DOMAIN);
    if (problem) {
      throw new ValidationError('VALIDATION_FAILED', `Invalid body: hostname: ${problem}`, {
        in: 'body',
        fields: [{ field: 'hostname', message: problem, code: 'custom' }],
      });
    }
    try {
      return await this.database.transaction(async (tx) => {
        const row = await this.repository.insert(
          tx,
          {
            id: newId(),
            tenantId: ctx.tenantId,
            hostname,
            kind: 'custom',
            verificationToken: newVerificationToken(),
          },
          { verified: false },
        );
        await addToOutbox(tx, domainAdded(ctx, row));
        return toDomain(row);
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new ConflictError(DOMAIN_ERRORS.hostnameTaken, `${hostname} is already claimed`, { hostname });
      }
      if (pgError(err)?.code === PG_ERROR.foreignKeyViolation) throw tenantNotFound(ctx.tenantId);
      throw err;
    }
  }

  async list(ctx: TenantContext, query: ListDomainsQuery): Promise<Page<Domain>> {
    const after = decodeCursor(query.cursor, DomainCursorSchema);
    const rows = await this.repository.listForTenant(this.database.db, ctx.tenantId, query.limit, after?.id);
    return toPage(rows, query.limit, (r) => ({ id: r.id }), toDomain);
  }

  async get(ctx: TenantContext, id: string): Promise<Domain> {
    return toDomain(await this.getRow(ctx, id, this.database.db));
  }

  /**
   * Looks the domain's TXT record up and, when it carries the token, marks the domain verified.
   * The lookup runs outside any transaction: DNS may take seconds.
   */
  async verify(ctx: TenantContext, id: string): Promise<Domain> {
    const domain = await this.getRow(ctx, id, this.database.db);
    if (domain.verifiedAt || !domain.verificationToken) return toDomain(domain);
    const { recordName, recordValue } = verificationRecord(domain.hostname, domain.verificationToken);
    const records = await this.lookUp(recordName);
    if (!hasVerificationRecord(records, recordValue)) {
      throw new UnprocessableError(
        DOMAIN_ERRORS.verificationFailed,
        `No TXT record ${recordName} with the value ${recordValue} was found`,
        { recordType: 'TXT', recordName, expected: recordValue, found: records.map((r) => r.join('')) },
      );
    }
    return this.database.transaction(async (tx) => {
      const verified = await this.repository.markVerified(tx, ctx.tenantId, id);
      if (!verified) return toDomain(await this.getRow(ctx, id, tx));
      await addToOutbox(tx, domainVerified(ctx, verified));
      return toDomain(verified);
    });
  }

  /** Removes a custom domain; the platform subdomain stays as long as the tenant does. */
  async remove(ctx: TenantContext, id: string): Promise<void> {
    await this.database.transaction(async (tx) => {
      const domain = await this.getRow(ctx, id, tx);
      if (domain.kind === 'subdomain') {
        throw new ConflictError(DOMAIN_ERRORS.notRemovable, 'The platform subdomain cannot be removed', {
          id,
          hostname: domain.hostname,
        });
      }
      const removed = await this.repository.deleteCustom(tx, ctx.tenantId, id);
      if (!removed) throw domainNotFound(id);
      await addToOutbox(tx, domainRemoved(ctx, removed));
    });
  }

  /** Across all tenants: the tenant a verified host name belongs to. */
  async tenantIdForHost(hostname: string): Promise<string | undefined> {
    return (await this.repository.findVerifiedByHostname(this.database.db, hostname))?.tenantId;
  }

  async verifiedHostnames(tenantId: string): Promise<string[]> {
    return this.repository.verifiedHostnames(this.database.db, tenantId);
  }

  private async getRow(ctx: TenantContext, id: string, db: DbExecutor): Promise<TenantDomainRow> {
    const row = await this.repository.findForTenant(db, ctx.tenantId, id);
    if (!row) throw domainNotFound(id);
    return row;
  }

  private async lookUp(recordName: string): Promise<string[][]> {
    try {
      return await this.dns.resolveTxt(recordName);
    } catch (err) {
      if (isAbsentRecordError(err)) return [];
      throw new UnavailableError(
        DOMAIN_ERRORS.dnsUnavailable,
        `DNS did not answer for ${recordName}; try again`,
        {
          recordName,
          dnsError: String((err as { code?: unknown }).code ?? 'UNKNOWN'),
          retryAfterMs: DNS_RETRY_AFTER_MS,
        },
      );
    }
  }
}

function domainNotFound(id: string): NotFoundError {
  return new NotFoundError(DOMAIN_ERRORS.notFound, 'No such domain', { id });
}

function tenantNotFound(tenantId: string): NotFoundError {
  return new NotFoundError(DOMAIN_ERRORS.tenantNotFound, 'No such tenant', { tenantId });
}

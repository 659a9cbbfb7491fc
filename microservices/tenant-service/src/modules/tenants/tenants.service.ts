import { Inject, Injectable } from '@nestjs/common';
import {
  ConflictError,
  decodeCursor,
  newId,
  NotFoundError,
  toPage,
  type Page,
  ValidationError,
} from '@haat/common';
import { type Database, type DbExecutor, PG_ERROR, isUniqueViolation, pgError } from '@haat/database';
import { addToOutbox } from '@haat/messaging';
import { DATABASE } from '@haat/service';
import type { RequestContext } from '@haat/tenant';
import { z } from 'zod';
import { DomainsService } from '../domains/domains.service.js';
import type { Plan } from '../plans/dto/plan.dto.js';
import { PlansService } from '../plans/plans.service.js';
import type { CreateTenantInput } from './dto/create-tenant.dto.js';
import type { ListTenantsQuery } from './dto/list-tenants.query.js';
import { type Tenant, toTenant } from './dto/tenant.dto.js';
import type { UpdateTenantInput } from './dto/update-tenant.dto.js';
import { TENANT_ERRORS } from './tenants.errors.js';
import {
  tenantCreated,
  tenantPlanChanged,
  tenantReinstated,
  tenantSuspended,
  tenantUpdated,
} from './tenants.events.js';
import { TenantsRepository } from './tenants.repository.js';
import type { TenantRow } from './tenants.schema.js';

const TenantCursorSchema = z.object({ id: z.string().uuid() });
const SLUG_CONSTRAINTS = ['tenants_slug_uq', 'tenant_domains_hostname_uq'];

/** The tenant directory: operators create, change, suspend and reinstate tenants. */
@Injectable()
export class TenantsService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repository: TenantsRepository,
    private readonly plans: PlansService,
    private readonly domains: DomainsService,
  ) {}

  /**
   * Creates a tenant with its platform subdomain, and their events, in one transaction. The
   * unique slug decides concurrent creates: one wins, the others get 409.
   */
  async create(
    ctx: RequestContext,
    input: CreateTenantInput,
    options: { id?: string } = {},
  ): Promise<Tenant> {
    if (!(await this.plans.find(ctx, input.planCode))) throw planUnknown(input.planCode);
    try {
      return await this.database.transaction(async (tx) => {
        const row = await this.repository.insert(tx, {
          id: options.id ?? newId(),
          slug: input.slug,
          name: input.name,
          planCode: input.planCode,
          defaultCurrency: input.defaultCurrency,
          defaultLocale: input.defaultLocale,
          locales: input.locales ?? [input.defaultLocale],
        });
        await addToOutbox(tx, tenantCreated(ctx, row));
        await this.domains.addPlatformSubdomain(ctx, row, tx);
        return toTenant(row);
      });
    } catch (err) {
      if (SLUG_CONSTRAINTS.some((c) => isUniqueViolation(err, c))) {
        throw new ConflictError(TENANT_ERRORS.slugTaken, `The slug ${input.slug} is taken`, {
          slug: input.slug,
        });
      }
      if (pgError(err)?.code === PG_ERROR.foreignKeyViolation) throw planUnknown(input.planCode);
      throw err;
    }
  }

  async get(_ctx: RequestContext, id: string, db: DbExecutor = this.database.db): Promise<Tenant> {
    const row = await this.repository.findById(db, id);
    if (!row) throw tenantNotFound(id);
    return toTenant(row);
  }

  async findBySlug(_ctx: RequestContext, slug: string): Promise<Tenant | undefined> {
    const row = await this.repository.findBySlug(this.database.db, slug);
    return row && toTenant(row);
  }

  async list(_ctx: RequestContext, query: ListTenantsQuery): Promise<Page<Tenant>> {
    const before = decodeCursor(query.cursor, TenantCursorSchema);
    const rows = await this.repository.list(this.database.db, {
      status: query.status,
      limit: query.limit,
      beforeId: before?.id,
    });
    return toPage(rows, query.limit, (r) => ({ id: r.id }), toTenant);
  }

  /**
   * Changes name, currency, languages or plan. Announces `tenant.updated.v1` naming the changed
   * fields, and `tenant.plan-changed.v1` with the new limits when the plan moved.
   */
  async update(ctx: RequestContext, id: string, input: UpdateTenantInput): Promise<Tenant> {
    return this.database.transaction(async (tx) => {
      const current = await this.repository.lockById(tx, id);
      if (!current) throw tenantNotFound(id);
      const next = {
        name: input.name ?? current.name,
        planCode: input.planCode ?? current.planCode,
        defaultCurrency: input.defaultCurrency ?? current.defaultCurrency,
        defaultLocale: input.defaultLocale ?? current.defaultLocale,
        locales: input.locales ?? current.locales,
      };
      if (!next.locales.includes(next.defaultLocale)) {
        const field = input.defaultLocale !== undefined ? 'defaultLocale' : 'locales';
        const message = `${next.defaultLocale} must be one of the locales ${next.locales.join(', ')}`;
        throw new ValidationError('VALIDATION_FAILED', `Invalid body: ${field}: ${message}`, {
          in: 'body',
          fields: [{ field, message, code: 'custom' }],
        });
      }
      const changed = changedFields(current, next);
      if (changed.length === 0) return toTenant(current);
      let plan: Plan | undefined;
      if (changed.includes('planCode')) {
        plan = await this.plans.find(ctx, next.planCode, tx);
        if (!plan) throw planUnknown(next.planCode);
      }
      const row = (await this.repository.update(tx, id, next)) as TenantRow;
      await addToOutbox(tx, tenantUpdated(ctx, row, changed));
      if (plan) await addToOutbox(tx, tenantPlanChanged(ctx, row, current.planCode, plan));
      return toTenant(row);
    });
  }

  /** Suspends an active tenant: it keeps resolving, and the gateway refuses its traffic. */
  async suspend(ctx: RequestContext, id: string, reason: string): Promise<Tenant> {
    return this.database.transaction(async (tx) => {
      const row = await this.repository.suspend(tx, id, reason);
      if (!row) {
        await this.get(ctx, id, tx);
        throw new ConflictError(TENANT_ERRORS.alreadySuspended, 'The tenant is already suspended', { id });
      }
      await addToOutbox(tx, tenantSuspended(ctx, row, reason));
      return toTenant(row);
    });
  }

  async reinstate(ctx: RequestContext, id: string): Promise<Tenant> {
    return this.database.transaction(async (tx) => {
      const row = await this.repository.reinstate(tx, id);
      if (!row) {
        await this.get(ctx, id, tx);
        throw new ConflictError(TENANT_ERRORS.notSuspended, 'The tenant is not suspended', { id });
      }
      await addToOutbox(tx, tenantReinstated(ctx, row));
      return toTenant(row);
    });
  }
}

type Editable = Pick<TenantRow, 'name' | 'planCode' | 'defaultCurrency' | 'defaultLocale' | 'locales'>;

function changedFields(current: Editable, next: Editable): string[] {
  return (Object.keys(next) as (keyof Editable)[]).filter((k) =>
    k === 'locales' ? current.locales.join(',') !== next.locales.join(',') : current[k] !== next[k],
  );
}

function tenantNotFound(id: string): NotFoundError {
  return new NotFoundError(TENANT_ERRORS.notFound, 'No such tenant', { id });
}

function planUnknown(planCode: string): ValidationError {
  return new ValidationError(TENANT_ERRORS.planUnknown, `Invalid body: planCode: no plan ${planCode}`, {
    in: 'body',
    fields: [{ field: 'planCode', message: `no plan ${planCode}`, code: 'custom' }],
  });
}

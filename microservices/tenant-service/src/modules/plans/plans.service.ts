import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, decodeCursor, NotFoundError, toPage, type Page } from '@haat/common';
import { type Database, type DbExecutor, PG_ERROR, isUniqueViolation, pgError } from '@haat/database';
import { DATABASE } from '@haat/service';
import type { RequestContext } from '@haat/tenant';
import { z } from 'zod';
import type { CreatePlanInput } from './dto/create-plan.dto.js';
import type { ListPlansQuery } from './dto/list-plans.query.js';
import { type Plan, toPlan } from './dto/plan.dto.js';
import type { UpdatePlanInput } from './dto/update-plan.dto.js';
import { PLAN_ERRORS } from './plans.errors.js';
import { PlansRepository } from './plans.repository.js';
import type { NewPlanRow } from './plans.schema.js';

const PlanCursorSchema = z.object({ code: z.string() });

/** Subscription plans: the operator's catalogue of limits and gateway rate limits. */
@Injectable()
export class PlansService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly repository: PlansRepository,
  ) {}

  async create(_ctx: RequestContext, input: CreatePlanInput): Promise<Plan> {
    try {
      const row = await this.repository.insert(this.database.db, {
        code: input.code,
        name: input.name,
        maxProducts: input.limits.products,
        maxVendors: input.limits.vendors,
        maxStaff: input.limits.staff,
        maxOrdersPerMonth: input.limits.ordersPerMonth,
        tenantRequestsPerMinute: input.rateLimits.tenantRequestsPerMinute,
      });
      return toPlan(row);
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new ConflictError(PLAN_ERRORS.codeTaken, `A plan with code ${input.code} exists`, {
          code: input.code,
        });
      }
      throw err;
    }
  }

  async get(ctx: RequestContext, code: string, tx?: DbExecutor): Promise<Plan> {
    const plan = await this.find(ctx, code, tx);
    if (!plan) throw new NotFoundError(PLAN_ERRORS.notFound, `No plan ${code}`, { code });
    return plan;
  }

  /** The plan, or undefined: for features validating a plan code someone sent them. */
  async find(_ctx: RequestContext, code: string, tx?: DbExecutor): Promise<Plan | undefined> {
    const row = await this.repository.findByCode(tx ?? this.database.db, code);
    return row && toPlan(row);
  }

  async list(_ctx: RequestContext, query: ListPlansQuery): Promise<Page<Plan>> {
    const after = decodeCursor(query.cursor, PlanCursorSchema);
    const rows = await this.repository.list(this.database.db, query.limit, after?.code);
    return toPage(rows, query.limit, (r) => ({ code: r.code }), toPlan);
  }

  async update(_ctx: RequestContext, code: string, input: UpdatePlanInput): Promise<Plan> {
    const patch: Partial<Omit<NewPlanRow, 'code'>> = {};
    if (input.name !== undefined) patch.name = input.name;
    if (input.limits?.products !== undefined) patch.maxProducts = input.limits.products;
    if (input.limits?.vendors !== undefined) patch.maxVendors = input.limits.vendors;
    if (input.limits?.staff !== undefined) patch.maxStaff = input.limits.staff;
    if (input.limits?.ordersPerMonth !== undefined) patch.maxOrdersPerMonth = input.limits.ordersPerMonth;
    if (input.rateLimits) patch.tenantRequestsPerMinute = input.rateLimits.tenantRequestsPerMinute;
    const row = await this.repository.update(this.database.db, code, patch);
    if (!row) throw new NotFoundError(PLAN_ERRORS.notFound, `No plan ${code}`, { code });
    return toPlan(row);
  }

  /** Removes a plan no tenant is on; the foreign key refuses the others atomically. */
  async remove(_ctx: RequestContext, code: string): Promise<void> {
    let removed: boolean;
    try {
      removed = await this.repository.delete(this.database.db, code);
    } catch (err) {
      if (pgError(err)?.code === PG_ERROR.foreignKeyViolation) {
        throw new ConflictError(PLAN_ERRORS.inUse, `Tenants are on plan ${code}; move them first`, { code });
      }
      throw err;
    }
    if (!removed) throw new NotFoundError(PLAN_ERRORS.notFound, `No plan ${code}`, { code });
  }
}

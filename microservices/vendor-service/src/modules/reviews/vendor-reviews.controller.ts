import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { parseOrThrow } from '@haat/common';
import { Ctx, type RequestContext } from '@haat/tenant';
import { tenantContext } from '../../infrastructure/auth/tenant-context.js';
import {
  ApproveVendorSchema,
  ReasonedDecisionSchema,
  RejectVendorSchema,
} from '../vendors/dto/review-decision.dto.js';
import { VendorIdParamsSchema } from '../vendors/dto/vendor.dto.js';
import { VendorReviewsService } from './vendor-reviews.service.js';

/** Onboarding decisions of the marketplace's reviewers (`vendor:approve`). */
@Controller('v1/vendors/:id')
export class VendorReviewsController {
  constructor(private readonly reviews: VendorReviewsService) {}

  @Post('approve')
  @HttpCode(200)
  approve(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseOrThrow(VendorIdParamsSchema, params, 'params');
    return this.reviews.approve(tenantContext(ctx), id, parseOrThrow(ApproveVendorSchema, body ?? {}).reason);
  }

  @Post('reject')
  @HttpCode(200)
  reject(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseOrThrow(VendorIdParamsSchema, params, 'params');
    return this.reviews.reject(tenantContext(ctx), id, parseOrThrow(RejectVendorSchema, body).reasons);
  }

  @Post('suspend')
  @HttpCode(200)
  suspend(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseOrThrow(VendorIdParamsSchema, params, 'params');
    return this.reviews.suspend(tenantContext(ctx), id, parseOrThrow(ReasonedDecisionSchema, body).reason);
  }

  @Post('reinstate')
  @HttpCode(200)
  reinstate(@Ctx() ctx: RequestContext, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseOrThrow(VendorIdParamsSchema, params, 'params');
    return this.reviews.reinstate(tenantContext(ctx), id, parseOrThrow(ReasonedDecisionSchema, body).reason);
  }
}

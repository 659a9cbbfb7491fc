import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppExceptionFilter, newId } from '@haat/common';
import { INTERNAL_SIGNING_SECRETS, InternalAuthGuard, signInternalRequest } from '@haat/tenant';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_EVENT_EMITTER, ReportsController } from '../src/http/reports.controller.js';
import { ReportService } from '../src/report.service.js';
import { type ReportingHarness, startReportingHarness, tenantCtx } from './fixtures/reporting.harness.js';

const SECRET = 'reports-controller-test-secret';
const tenantA = newId();
const tenantB = newId();

let h: ReportingHarness;
let app: NestFastifyApplication;

async function call(method: 'GET' | 'POST', url: string, tenantId: string, body?: unknown) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers = signInternalRequest({
    method,
    path: url,
    body: payload,
    context: tenantCtx(tenantId),
    secret: SECRET,
  });
  return app.inject({
    method,
    url,
    headers: payload ? { ...headers, 'content-type': 'application/json' } : headers,
    payload,
  });
}

beforeAll(async () => {
  h = await startReportingHarness();
  @Module({
    controllers: [ReportsController],
    providers: [
      { provide: ReportService, useValue: h.service },
      { provide: REPORT_EVENT_EMITTER, useValue: h.emit },
      { provide: INTERNAL_SIGNING_SECRETS, useValue: [SECRET] },
      { provide: APP_GUARD, useClass: InternalAuthGuard },
      { provide: APP_FILTER, useClass: AppExceptionFilter },
    ],
  })
  class ReportsHttpModule {}
  app = await NestFactory.create<NestFastifyApplication>(ReportsHttpModule, new FastifyAdapter(), {
    rawBody: true,
    logger: false,
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
});

afterAll(async () => {
  await app?.close();
  await h?.close();
});

describe('ReportsController', () => {
  it('answers POST /v1/reports with 202, the id and a Location to poll', async () => {
    const res = await call('POST', '/v1/reports', tenantA, {
      kind: 'tenant.summary',
      params: { from: '2026-03-01', to: '2026-03-31' },
    });
    expect(res.statusCode).toBe(202);
    const body = res.json<{ id: string; status: string }>();
    expect(body.status).toBe('requested');
    expect(res.headers.location).toBe(`/v1/reports/${body.id}`);
    const status = await call('GET', `/v1/reports/${body.id}`, tenantA);
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ id: body.id, status: 'requested', file: null });
  });

  it('answers 400 naming the bad parameter', async () => {
    const res = await call('POST', '/v1/reports', tenantA, {
      kind: 'tenant.summary',
      params: { to: '2026-03-31' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: 'REPORT_PARAMS_INVALID', details: { fields: [{ field: 'params.from' }] } },
    });
  });

  it('serves the PDF of a ready report, and 404 to another tenant', async () => {
    const posted = await call('POST', '/v1/reports', tenantA, {
      kind: 'tenant.summary',
      params: { from: '2026-03-01', to: '2026-03-31' },
    });
    const { id } = posted.json<{ id: string }>();
    await h.worker.handle(tenantCtx(tenantA, null), id);
    const view = (await call('GET', `/v1/reports/${id}`, tenantA)).json<{
      file: { url: string; sha256: string };
    }>();
    const file = await call('GET', view.file.url, tenantA);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="tenant.summary-${id}.pdf"`);
    expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(view.file.sha256);

    for (const url of [`/v1/reports/${id}`, `/v1/reports/${id}/file`]) {
      const other = await call('GET', url, tenantB);
      expect(other.statusCode).toBe(404);
      expect(other.json()).toMatchObject({ error: { code: 'REPORT_NOT_FOUND' } });
    }
  });

  it('answers 409 for the file of a report still being prepared', async () => {
    const { id } = (
      await call('POST', '/v1/reports', tenantA, {
        kind: 'tenant.summary',
        params: { from: '2026-03-01', to: '2026-03-31' },
      })
    ).json<{ id: string }>();
    const res = await call('GET', `/v1/reports/${id}/file`, tenantA);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'REPORT_NOT_READY' } });
  });
});

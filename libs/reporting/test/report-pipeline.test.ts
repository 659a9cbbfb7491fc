import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { threadId } from 'node:worker_threads';
import { newId, type AppError } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfInfo, pdfText } from './fixtures/poppler.js';
import { type ReportingHarness, startReportingHarness, tenantCtx } from './fixtures/reporting.harness.js';

const tenantA = newId();
const tenantB = newId();
const period = { from: '2026-01-01', to: '2026-01-31' };
const title = 'Tenant summary 2026-01-01 to 2026-01-31';

let h: ReportingHarness;

beforeAll(async () => {
  h = await startReportingHarness();
});

afterAll(async () => {
  await h?.close();
});

async function requestSummary(tenantId = tenantA, params: Record<string, unknown> = period) {
  return h.service.request(tenantCtx(tenantId), { kind: 'tenant.summary', params }, h.emit);
}

async function download(tenantId: string, id: string): Promise<{ path: string; bytes: Buffer }> {
  const file = await h.service.openFile(tenantCtx(tenantId), id);
  const bytes = await buffer(file.stream);
  const path = join(h.storageDir, `download-${id}.pdf`);
  await writeFile(path, bytes);
  return { path, bytes };
}

function caught(promise: Promise<unknown>): Promise<AppError> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (err: AppError) => err,
  );
}

describe('requesting a report', () => {
  it('stores it as requested and commits report.requested.v1 with it', async () => {
    const accepted = await requestSummary();
    expect(accepted).toEqual({
      id: accepted.id,
      status: 'requested',
      location: `/v1/reports/${accepted.id}`,
    });
    const view = await h.service.get(tenantCtx(tenantA), accepted.id);
    expect(view).toMatchObject({
      status: 'requested',
      kind: 'tenant.summary',
      file: null,
      requestedBy: 'user-1',
    });
    expect(view.params).toEqual({ ...period, lines: 3 });
    const events = await h.events(accepted.id);
    expect(events.map((e) => e.type)).toEqual(['report.requested.v1']);
    expect(events[0]).toMatchObject({
      tenantId: tenantA,
      payload: { reportId: accepted.id, tenantId: tenantA, kind: 'tenant.summary', requestedBy: 'user-1' },
    });
  });

  it('refuses an unknown kind with a 400 naming the kind field', async () => {
    const err = await caught(
      h.service.request(tenantCtx(tenantB), { kind: 'sales.nope', params: {} }, h.emit),
    );
    expect(err).toMatchObject({ status: 400, code: 'REPORT_KIND_UNKNOWN' });
    expect(err.details.fields).toEqual([expect.objectContaining({ field: 'kind' })]);
  });

  it('refuses bad parameters with a 400 naming the parameter', async () => {
    const err = await caught(requestSummary(tenantB, { from: '2026-13-45', to: '2026-01-31' }));
    expect(err).toMatchObject({ status: 400, code: 'REPORT_PARAMS_INVALID' });
    expect(err.details.fields).toEqual([expect.objectContaining({ field: 'params.from' })]);
    expect(err.message).toContain('params.from');
  });

  it('writes neither the report nor its event when the outbox write fails', async () => {
    let attempted: string | undefined;
    const err = await caught(
      h.service.request(tenantCtx(tenantB), { kind: 'tenant.summary', params: period }, async (_tx, e) => {
        attempted = e.aggregateId;
        throw new Error('outbox unavailable');
      }),
    );
    expect(err.message).toBe('outbox unavailable');
    expect(attempted).toBeDefined();
    const missing = await caught(h.service.get(tenantCtx(tenantB), attempted as string));
    expect(missing).toMatchObject({ status: 404, code: 'REPORT_NOT_FOUND' });
  });

  it('answers 409 REPORT_NOT_READY for the file of a report not rendered yet', async () => {
    const { id } = await requestSummary();
    const err = await caught(h.service.openFile(tenantCtx(tenantA), id));
    expect(err).toMatchObject({ status: 409, code: 'REPORT_NOT_READY', details: { status: 'requested' } });
  });
});

describe('rendering a requested report', () => {
  let id: string;
  let result: Awaited<ReturnType<ReportingHarness['worker']['handle']>>;
  let pdf: { path: string; bytes: Buffer };

  beforeAll(async () => {
    ({ id } = await requestSummary());
    result = await h.worker.handle(tenantCtx(tenantA, null), id);
    pdf = await download(tenantA, id);
  });

  it('renders on a worker thread, not the calling thread', () => {
    expect(result.outcome).toBe('ready');
    expect(result.threadId).toEqual(expect.any(Number));
    expect(result.threadId).not.toBe(threadId);
  });

  it('ends ready with the size and SHA-256 of the stored file and a download URL', async () => {
    const view = await h.service.get(tenantCtx(tenantA), id);
    expect(view.status).toBe('ready');
    expect(view.completedAt).not.toBeNull();
    expect(view.file).toEqual({
      url: `/v1/reports/${id}/file`,
      contentType: 'application/pdf',
      bytes: pdf.bytes.length,
      sha256: createHash('sha256').update(pdf.bytes).digest('hex'),
    });
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('loads its data in the tenant transaction while the report is rendering', async () => {
    const text = await pdfText(pdf.path);
    expect(text).toMatch(new RegExp(`${id}\\s+tenant\\.summary\\s+rendering`));
  });

  it('produces a PDF whose title, header and table cells pdftotext reads', async () => {
    const text = await pdfText(pdf.path);
    expect(text.trimStart().startsWith(title)).toBe(true);
    expect(text).toContain('Tenant: Demo Shop');
    expect(text).toMatch(/L-2\s+Line item 2\s+200 BDT/);
    expect((await pdfInfo(pdf.path)).Title).toBe(title);
  });

  it('commits report.ready.v1 with the download URL, size and digest', async () => {
    const events = await h.events(id);
    expect(events.map((e) => e.type)).toEqual(['report.requested.v1', 'report.ready.v1']);
    const view = await h.service.get(tenantCtx(tenantA), id);
    expect(events[1]?.payload).toEqual({
      reportId: id,
      kind: 'tenant.summary',
      url: `/v1/reports/${id}/file`,
      bytes: view.file?.bytes,
      sha256: view.file?.sha256,
    });
  });

  it('does nothing on a second delivery of a ready report', async () => {
    const before = await h.service.get(tenantCtx(tenantA), id);
    const again = await h.worker.handle(tenantCtx(tenantA, null), id);
    expect(again).toEqual({ reportId: id, outcome: 'skipped' });
    expect(await h.service.get(tenantCtx(tenantA), id)).toEqual(before);
    expect((await h.events(id)).map((e) => e.type)).toEqual(['report.requested.v1', 'report.ready.v1']);
    expect((await download(tenantA, id)).bytes.equals(pdf.bytes)).toBe(true);
  });

  it("keeps the report and its file from another tenant (404) and ignores that tenant's delivery", async () => {
    for (const call of [h.service.get(tenantCtx(tenantB), id), h.service.openFile(tenantCtx(tenantB), id)]) {
      expect(await caught(call)).toMatchObject({ status: 404, code: 'REPORT_NOT_FOUND' });
    }
    expect(await h.worker.handle(tenantCtx(tenantB, null), id)).toEqual({ reportId: id, outcome: 'skipped' });
  });
});

describe('rendering edge cases', () => {
  it('continues a long table on further pages with its header repeated', async () => {
    const { id } = await requestSummary(tenantA, { ...period, lines: 150 });
    await h.worker.handle(tenantCtx(tenantA, null), id);
    const { path } = await download(tenantA, id);
    const pages = Number((await pdfInfo(path)).Pages);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let page = 2; page <= pages; page++) {
      expect(await pdfText(path, page)).toMatch(/Line\s+Description\s+Amount/);
    }
    expect(await pdfText(path, pages)).toMatch(/L-150\s+Line item 150\s+15000 BDT/);
  });

  it('marks a report failed with the reason and commits report.failed.v1 when rendering fails', async () => {
    const { id } = await h.service.request(tenantCtx(tenantA), { kind: 'broken.layout' }, h.emit);
    const result = await h.worker.handle(tenantCtx(tenantA, null), id);
    expect(result.outcome).toBe('failed');
    const view = await h.service.get(tenantCtx(tenantA), id);
    expect(view.status).toBe('failed');
    expect(view.error).toMatch(/^Rendering failed: .*blocks\.0\.rows\.0.*1 cells.*2 columns/);
    const events = await h.events(id);
    expect(events.map((e) => e.type)).toEqual(['report.requested.v1', 'report.failed.v1']);
    expect(events[1]?.payload).toEqual({ reportId: id, reason: view.error });
    expect(await h.worker.handle(tenantCtx(tenantA, null), id)).toEqual({ reportId: id, outcome: 'skipped' });
  });

  it('fails a report whose data cannot be loaded without revealing the internal error', async () => {
    const { id } = await h.service.request(tenantCtx(tenantA), { kind: 'unreachable.source' }, h.emit);
    expect(await h.worker.handle(tenantCtx(tenantA, null), id)).toMatchObject({ outcome: 'failed' });
    const view = await h.service.get(tenantCtx(tenantA), id);
    expect(view.status).toBe('failed');
    expect(view.error).toBe('The report could not be produced; please request it again');
    expect(JSON.stringify(await h.events(id))).not.toContain('warehouse-secret');
    expect(h.logged).toContainEqual(
      expect.objectContaining({ obj: expect.objectContaining({ reportId: id }) }),
    );
  });

  it('finishes a report once when two deliveries race', async () => {
    const { id } = await requestSummary();
    const outcomes = await Promise.all([
      h.worker.handle(tenantCtx(tenantA, null), id),
      h.worker.handle(tenantCtx(tenantA, null), id),
    ]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['ready', 'skipped']);
    const events = await h.events(id);
    expect(events.filter((e) => e.type === 'report.ready.v1')).toHaveLength(1);
    const view = await h.service.get(tenantCtx(tenantA), id);
    const { bytes } = await download(tenantA, id);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(view.file?.sha256);
  });
});

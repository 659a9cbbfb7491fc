import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PdfRenderPool, ReportRenderError } from '../src/render/pdf-render.pool.js';
import type { ReportDocument } from '../src/document/report-document.model.js';
import { pdfFonts, pdfInfo, pdfText } from './fixtures/poppler.js';

// GNU FreeSans (Debian fonts-freefont-ttf) holds Latin and Bengali glyphs in its regular face.
const FREE_SANS = '/usr/share/fonts/truetype/freefont/FreeSans.ttf';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'haat-pdf-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function document(overrides: Partial<ReportDocument> = {}): ReportDocument {
  return {
    title: 'Daily sales',
    createdAt: '2026-01-02T03:04:05.000Z',
    metadata: [{ label: 'Tenant', value: 'Demo Shop' }],
    blocks: [
      { type: 'paragraph', text: 'Totals per product.' },
      {
        type: 'table',
        columns: [{ header: 'Product' }, { header: 'Qty', align: 'right' }],
        rows: [['Tea', '4']],
      },
    ],
    ...overrides,
  };
}

async function save(name: string, pdf: Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, pdf);
  return path;
}

describe('PdfRenderPool', () => {
  it('sets Bangla text in a configured font that covers Bengali', async () => {
    const pool = new PdfRenderPool({ fonts: { regular: FREE_SANS } });
    try {
      const rendered = await pool.render(
        document({
          title: 'বিক্রয় Sales',
          language: 'bn',
          blocks: [{ type: 'table', columns: [{ header: 'পণ্য' }], rows: [['বাংলা চা']] }],
        }),
      );
      const path = await save('bangla.pdf', rendered.pdf);
      expect(await pdfFonts(path)).toEqual([expect.stringMatching(/\+FreeSans$/)]);
      expect(await pdfText(path)).toContain('বাংলা');
      expect((await pdfInfo(path)).Title).toBe('বিক্রয় Sales');
    } finally {
      await pool.close();
    }
  });

  it('uses Helvetica when no font is configured', async () => {
    const pool = new PdfRenderPool();
    try {
      const path = await save('helvetica.pdf', (await pool.render(document())).pdf);
      expect(await pdfFonts(path)).toEqual(expect.arrayContaining(['Helvetica', 'Helvetica-Bold']));
      expect(await pdfText(path)).toMatch(/Tea\s+4/);
    } finally {
      await pool.close();
    }
  });

  it('refuses a font file that does not exist when it is created', () => {
    expect(() => new PdfRenderPool({ fonts: { regular: join(dir, 'missing.ttf') } })).toThrow(
      /Report font file not found/,
    );
  });

  it('rejects a document the model does not allow, naming where', async () => {
    const pool = new PdfRenderPool();
    try {
      const err = await pool
        .render(document({ blocks: [{ type: 'heading', text: '' }] }))
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ReportRenderError);
      expect((err as Error).message).toMatch(/blocks\.0\.text/);
    } finally {
      await pool.close();
    }
  });

  it('aborts a render that runs past its timeout', async () => {
    const pool = new PdfRenderPool({ timeoutMs: 50 });
    try {
      const rows = Array.from({ length: 20_000 }, (_, i) => [`Product ${i}`, String(i)]);
      const err = await pool
        .render(document({ blocks: [{ type: 'table', columns: [{ header: 'P' }, { header: 'Q' }], rows }] }))
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ReportRenderError);
      expect((err as Error).message).toBe('Rendering took longer than 50 ms');
    } finally {
      await pool.close();
    }
  });
});

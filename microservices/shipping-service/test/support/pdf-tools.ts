import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The barcodes on the first page of a PDF, as `zbarimg` (Debian zbar-tools) reads the page rasterised by `pdftoppm`. */
export async function decodeBarcodes(pdf: Buffer): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'haat-label-'));
  try {
    await writeFile(join(dir, 'label.pdf'), pdf);
    await run('pdftoppm', [
      '-png',
      '-r',
      '300',
      '-f',
      '1',
      '-l',
      '1',
      join(dir, 'label.pdf'),
      join(dir, 'page'),
    ]);
    const [png] = (await readdir(dir)).filter((f) => f.endsWith('.png'));
    if (!png) throw new Error('pdftoppm produced no image');
    const { stdout } = await run('zbarimg', ['--quiet', '-Scode128.enable', join(dir, png)]);
    return stdout
      .split('\n')
      .filter((l) => l.startsWith('CODE-128:'))
      .map((l) => l.slice('CODE-128:'.length));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF as poppler's `pdftotext` extracts it. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'haat-pdf-'));
  try {
    await writeFile(join(dir, 'doc.pdf'), pdf);
    const { stdout } = await run('pdftotext', ['-layout', join(dir, 'doc.pdf'), '-']);
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type CsvItem, readCsvRecords } from './csv-record.reader.js';

async function read(text: string, chunk = 7): Promise<{ headers: string[]; items: CsvItem[] }> {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) chunks.push(bytes.subarray(i, i + chunk));
  let headers: string[] = [];
  const items: CsvItem[] = [];
  for await (const item of readCsvRecords(Readable.from(chunks), (h) => (headers = h))) items.push(item);
  return { headers, items };
}

describe('readCsvRecords', () => {
  it('drops the BOM, reads CRLF, quoted commas, quoted line breaks and Bangla split across chunks', async () => {
    const { headers, items } = await read(
      '\uFEFFHandle , SKU,Name_BN\r\nsaree,S-1,"জামদানি, লাল"\r\nsaree,S-2,"দুই\r\nলাইন"\r\n\r\nkurta,K-1,পাঞ্জাবি\r\n',
    );
    expect(headers).toEqual(['handle', 'sku', 'name_bn']);
    expect(items).toEqual([
      { kind: 'record', line: 2, cells: { handle: 'saree', sku: 'S-1', name_bn: 'জামদানি, লাল' } },
      { kind: 'record', line: 3, cells: { handle: 'saree', sku: 'S-2', name_bn: 'দুই\r\nলাইন' } },
      { kind: 'record', line: 6, cells: { handle: 'kurta', sku: 'K-1', name_bn: 'পাঞ্জাবি' } },
    ]);
  });

  it('keeps a stray quote in its cell and goes on with the next record', async () => {
    const { items } = await read('handle,sku\na,1\nb,"2"x\nc,3\n');
    expect(items).toEqual([
      { kind: 'record', line: 2, cells: { handle: 'a', sku: '1' } },
      { kind: 'record', line: 3, cells: { handle: 'b', sku: '"2"x' } },
      { kind: 'record', line: 4, cells: { handle: 'c', sku: '3' } },
    ]);
  });

  it('reports a quote never closed as a malformed record at its line', async () => {
    const { items } = await read('handle,sku\na,1\nb,"2\nc,3\n');
    expect(items.map((i) => [i.kind, i.line])).toEqual([
      ['record', 2],
      ['malformed', 3],
    ]);
  });

  it('gives records after a multi-line LF field their own line numbers', async () => {
    const { items } = await read('handle,sku,d\na,1,"x\ny\nz"\nb,2,w\n');
    expect(items.map((i) => i.line)).toEqual([2, 5]);
  });
});

import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { normalizeHeader } from './import-columns.js';

export type CsvItem =
  | { kind: 'record'; line: number; cells: Record<string, string> }
  | { kind: 'malformed'; line: number; message: string };

const count = (text: string, needle: string) => text.split(needle).length - 1;
/** A record's raw text without the empty lines before it and its own line break. */
const interiorOf = (raw: string) => raw.replace(/^(?:\r?\n)+/, '').replace(/(?:\r\n|\n|\r)$/, '');

/**
 * Streams CSV records with the file line each starts on, never holding more than the parser's
 * buffer: a UTF-8 BOM is dropped, CRLF and LF both end records, quoted fields may hold commas
 * and line breaks, header names are trimmed and lower-cased. A quote never closed is reported
 * as a malformed record at its line (it runs to the end of the file, as CSV says).
 */
export async function* readCsvRecords(
  source: Readable,
  onHeader: (headers: string[]) => void,
): AsyncGenerator<CsvItem> {
  const malformed: CsvItem[] = [];
  // csv-parse counts a CRLF inside a quoted field as two lines: keep the surplus to correct it.
  let surplus = 0;
  const parser = source.pipe(
    parse({
      bom: true,
      columns: (header: string[]) => {
        const names = header.map(normalizeHeader);
        onHeader(names);
        return names;
      },
      skip_empty_lines: true,
      relax_column_count: true,
      skip_records_with_error: true,
      // A stray quote stays in its field (and fails that cell's validation) instead of eating the rows after it.
      relax_quotes: true,
      info: true,
      raw: true,
    }),
  );
  parser.on('skip', (err: Error & { lines?: number; raw?: string }) => {
    const line = (err.lines ?? 0) - surplus - count(interiorOf(err.raw ?? ''), '\n');
    malformed.push({ kind: 'malformed', line, message: err.message });
  });
  source.on('error', (err) => parser.destroy(err));
  for await (const item of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
    raw: string;
  }>) {
    const interior = interiorOf(item.raw);
    surplus += count(interior, '\r\n');
    const end = item.info.lines - surplus;
    const line = end - count(interior, '\n');
    // The parser runs ahead of this loop: report the malformed records that came before this one.
    malformed.sort((a, b) => a.line - b.line);
    while (malformed[0] && malformed[0].line < line) yield malformed.shift() as CsvItem;
    yield { kind: 'record', line, cells: item.record };
  }
  malformed.sort((a, b) => a.line - b.line);
  yield* malformed;
}

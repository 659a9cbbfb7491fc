import { z } from 'zod';

const Text = z.string().max(10_000);
const Label = z.string().min(1).max(500);

/** A pair shown as `label: value`, e.g. in a document's metadata or a key-value block. */
export const KeyValueSchema = z.object({ label: Label, value: Text });
export type KeyValue = z.infer<typeof KeyValueSchema>;

/** One column of a table block; `width` is a relative weight (default 1). */
export const TableColumnSchema = z.object({
  header: Label,
  align: z.enum(['left', 'right', 'center']).default('left'),
  width: z.number().positive().max(100).default(1),
});
export type TableColumn = z.input<typeof TableColumnSchema>;

export const HeadingBlockSchema = z.object({
  type: z.literal('heading'),
  text: Label,
  level: z.union([z.literal(1), z.literal(2)]).default(1),
});

export const ParagraphBlockSchema = z.object({ type: z.literal('paragraph'), text: Text });

export const KeyValueBlockSchema = z.object({
  type: z.literal('keyValue'),
  entries: z.array(KeyValueSchema).max(1_000),
});

export const TableBlockSchema = z
  .object({
    type: z.literal('table'),
    columns: z.array(TableColumnSchema).min(1).max(20),
    rows: z.array(z.array(Text)).max(100_000),
    /** Shown in a single row when `rows` is empty. */
    emptyText: z.string().max(500).default('No rows'),
  })
  .superRefine((table, issues) => {
    table.rows.forEach((row, i) => {
      if (row.length !== table.columns.length) {
        issues.addIssue({
          code: 'custom',
          path: ['rows', i],
          message: `Row has ${row.length} cells, the table has ${table.columns.length} columns`,
        });
      }
    });
  });

/** What a report definition composes: a flat sequence of blocks, laid out top to bottom. */
export const ReportBlockSchema = z.discriminatedUnion('type', [
  HeadingBlockSchema,
  ParagraphBlockSchema,
  KeyValueBlockSchema,
  TableBlockSchema,
]);
export type ReportBlock = z.input<typeof ReportBlockSchema>;
export type ParsedReportBlock = z.output<typeof ReportBlockSchema>;

/**
 * The declarative document a worker thread turns into a PDF. It is plain data (structured-
 * cloneable), so no code crosses into the worker; the title becomes the PDF's Info Title and its
 * first heading, the metadata lines sit under it.
 */
export const ReportDocumentSchema = z.object({
  title: z.string().min(1).max(300),
  /** Shown under the title, e.g. tenant name and generation time. */
  metadata: z.array(KeyValueSchema).max(20).default([]),
  /** PDF Info Subject (the report kind, for instance). */
  subject: z.string().max(300).optional(),
  /** BCP 47 language tag of the content, recorded in the PDF catalog. */
  language: z.string().min(2).max(35).default('en'),
  /** When the document was produced (ISO 8601); the PDF's CreationDate. */
  createdAt: z.iso.datetime({ offset: true }),
  blocks: z.array(ReportBlockSchema).max(10_000),
});
export type ReportDocument = z.input<typeof ReportDocumentSchema>;
export type ParsedReportDocument = z.output<typeof ReportDocumentSchema>;

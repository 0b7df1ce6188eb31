import { z } from 'zod';
import { currency, requiredText, uuid } from '../../domain/fields.ts';
import { IMPORT_FIELDS } from '../../domain/import/index.ts';
import { REFERENCE_TOKENS, referenceTokens } from '../../domain/import/reference.ts';
import { encodeMessage, msg } from '../../domain/messages/index.ts';

const FIELD_NAMES = IMPORT_FIELDS.map((f) => f.name) as [string, ...string[]];

/** How to read a file's values: the decimal sign of its amounts, the currency when no column says it. */
export const ImportOptions = z
  .object({
    decimal: z.enum([',', '.', 'auto']).default('auto'),
    defaultCurrency: currency.default('EUR'),
    defaultCountry: z.enum(['IT', 'CH', 'DE', 'FR']).default('IT'),
    /** XLSX: the sheet to read (default: the first). */
    sheet: z.string().max(100).optional(),
    /**
     * A file without a reference (document-number) column: each row's reference is built from its
     * values with this pattern (tokens of src/domain/import/reference.ts: {taxCode} {revenue} {year}
     * {act} {notice} {debtorRef}); default `{taxCode}-{revenue}-{year}-{act}`, e.g.
     * "RSSMRA80A01H501U-IMU-2022-ACC118". Ignored when the file has a reference column.
     */
    referencePattern: z
      .string()
      .max(200)
      .refine((v) => referenceTokens(v) !== null, {
        message: encodeMessage(msg('import.reference_pattern_invalid', { tokens: REFERENCE_TOKENS.map((t) => `{${t}}`).join(' ') })),
      })
      .optional(),
  })
  .strict();
export type ImportOptions = z.infer<typeof ImportOptions>;

/** field → the header of the column that holds it, as written in the file. */
export const ImportMapping = z.partialRecord(z.enum(FIELD_NAMES), z.string().max(200));
export type ImportMapping = z.infer<typeof ImportMapping>;

export const StartImportInput = z
  .object({
    /** An explicit mapping; else the named preset; else suggestions from the headers. */
    mapping: ImportMapping.optional(),
    mappingName: requiredText(100).optional(),
    /** Save the mapping used under this name for the creditor's next files. */
    saveMappingAs: requiredText(100).optional(),
    options: ImportOptions.optional(),
    dryRun: z.boolean().default(false),
  })
  .strict();
export type StartImportInput = z.input<typeof StartImportInput>;

export const UploadImportInput = z.object({ creditorId: uuid, fileName: requiredText(255) }).strict();

export const ImportJobView = z.object({
  id: z.uuid(),
  creditorId: z.uuid(),
  creditorName: z.string(),
  fileName: z.string(),
  fileSha256: z.string(),
  fileBytes: z.number(),
  format: z.enum(['csv', 'xlsx']).nullable(),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  sheet: z.string().nullable(),
  headers: z.array(z.string()).nullable(),
  mapping: z.record(z.string(), z.string()).nullable(),
  options: z.record(z.string(), z.unknown()),
  status: z.enum(['uploaded', 'queued', 'validating', 'importing', 'done', 'failed']),
  rowsRead: z.number(),
  imported: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  debtorsCreated: z.number(),
  debtorsMatched: z.number(),
  lastLine: z.number(),
  error: z.string().nullable(),
  warnings: z.array(z.string()),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ImportJobView = z.infer<typeof ImportJobView>;

/** What a dry run or a finished import did, for the CLI summary and the API. */
export const ImportSummary = z.object({
  jobId: z.uuid(),
  dryRun: z.boolean(),
  status: ImportJobView.shape.status,
  rowsRead: z.number(),
  imported: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  debtorsCreated: z.number(),
  debtorsMatched: z.number(),
  reviews: z.number(),
  warnings: z.array(z.string()),
  error: z.string().nullable(),
  /** A dry run only: the rows it would reject, with their reasons (the first 500, in file order). */
  rejects: z
    .array(
      z.object({
        line: z.number(),
        cells: z.record(z.string(), z.string()),
        problems: z.array(z.object({ field: z.string().nullable(), column: z.string().nullable(), message: z.string() })),
      }),
    )
    .optional(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const ImportRejectView = z.object({
  line: z.number(),
  cells: z.record(z.string(), z.string()),
  problems: z.array(z.object({ field: z.string().nullable(), column: z.string().nullable(), message: z.string() })),
  status: z.enum(['open', 'reimported', 'dismissed']),
});
export type ImportRejectView = z.infer<typeof ImportRejectView>;

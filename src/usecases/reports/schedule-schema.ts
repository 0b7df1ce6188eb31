import { z } from 'zod';
import { email, uuid } from '../../domain/fields.ts';
import { REPORT_FREQUENCIES } from '../../domain/reports/schedule.ts';

const Language = z.enum(['it', 'en', 'de', 'fr']);
/** The creditor's contacts who get the report: 1 to 20 addresses, each once. */
const Recipients = z
  .array(email)
  .min(1)
  .max(20)
  .transform((a) => [...new Set(a)]);

export const CreateReportScheduleInput = z.strictObject({
  creditorId: uuid,
  frequency: z.enum(REPORT_FREQUENCIES),
  language: Language.default('it'),
  recipients: Recipients,
});
export const UpdateReportScheduleInput = z.strictObject({
  version: z.number().int().positive(),
  frequency: z.enum(REPORT_FREQUENCIES).optional(),
  language: Language.optional(),
  recipients: Recipients.optional(),
  active: z.boolean().optional(),
});
export const ListReportSchedulesQuery = z.strictObject({ creditorId: uuid.optional() });
export const ReportRunFileQuery = z.strictObject({ format: z.enum(['pdf', 'xlsx']) });

export const ReportRunView = z.object({
  id: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  language: z.string(),
  pdfSha256: z.string(),
  xlsxSha256: z.string(),
  createdAt: z.string(),
  /** Per recipient: queued, sent or failed. */
  mails: z.array(z.object({ recipient: z.string(), status: z.enum(['queued', 'sent', 'failed']), sentAt: z.string().nullable(), error: z.string().nullable() })),
});
export type ReportRunView = z.infer<typeof ReportRunView>;

export const ReportScheduleView = z.object({
  id: z.string(),
  creditorId: z.string(),
  creditorName: z.string(),
  frequency: z.enum(REPORT_FREQUENCIES),
  language: Language,
  recipients: z.array(z.string()),
  active: z.boolean(),
  nextRunOn: z.string(),
  version: z.number().int(),
  /** The latest reports made, newest first (up to 12). */
  runs: z.array(ReportRunView),
});
export type ReportScheduleView = z.infer<typeof ReportScheduleView>;
export const ReportScheduleList = z.object({ items: z.array(ReportScheduleView) });

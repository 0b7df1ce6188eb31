import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import type { Actor } from '../../domain/policies.ts';
import { PORTAL_STAGES } from '../../domain/portal/stages.ts';
import { renderTableXlsx } from '../../integrations/xlsx/portal-progress-xlsx.ts';
import { portalCsv } from './csv.ts';
import { getPortalProgress } from './get-portal-progress.ts';
import { PortalQuery } from './scope.ts';

export const ExportProgressQuery = PortalQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') });

/**
 * The progress table as a file (issue 16 item 3), one row per creditor, load, revenue, tax year and
 * currency, in a documented layout (docs/decisions/0005-portal-figures.md): column names are fixed
 * identifiers, amounts have a dot and two decimals; CSV is UTF-8 with BOM, `;` separated, CRLF.
 * The same figures on the same day give the same bytes.
 */
export const PROGRESS_COLUMNS = [
  'creditor',
  'load',
  'loaded_on',
  'revenue',
  'tax_year',
  'currency',
  'positions',
  'worked',
  'reached',
  'loaded',
  'collected',
  'collected_other',
  'annulled',
  'residual',
  'collection_rate',
  'rpc_rate',
  ...PORTAL_STAGES.map((s) => `positions_${s}`),
] as const;
const AMOUNTS = new Set(['loaded', 'collected', 'collected_other', 'annulled', 'residual']);

export async function exportPortalProgress(db: Db, actor: Actor, input: z.input<typeof ExportProgressQuery>): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const { format, ...q } = ExportProgressQuery.parse(input);
  const { rows } = await getPortalProgress(db, actor, q);
  const table = rows.map((r) => [
    r.creditorName,
    r.loadLabel,
    r.loadedOn,
    r.revenue,
    r.taxYear,
    r.currency,
    r.claims,
    r.worked,
    r.reached,
    r.loaded,
    r.collected,
    r.collectedOther,
    r.annulled,
    r.residual,
    r.collectionRate,
    r.rpcRate,
    ...PORTAL_STAGES.map((s) => r.stages[s].claims),
  ]);
  const day = today().toString();
  if (format === 'xlsx') {
    return { fileName: `andamento-${day}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await renderTableXlsx('andamento', PROGRESS_COLUMNS, table, AMOUNTS, day) };
  }
  return { fileName: `andamento-${day}.csv`, contentType: 'text/csv; charset=utf-8', body: portalCsv(PROGRESS_COLUMNS, table) };
}

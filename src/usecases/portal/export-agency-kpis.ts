import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import type { Actor } from '../../domain/policies.ts';
import { renderTableXlsx } from '../../integrations/xlsx/portal-progress-xlsx.ts';
import { portalCsv } from './csv.ts';
import { AgencyKpisQuery, getAgencyKpis } from './get-agency-kpis.ts';

export const ExportAgencyKpisQuery = AgencyKpisQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') });

/**
 * The KPIs per operator and per queue as a file (issue 16 item 7), in the portal's layout: one row per
 * operator, then per queue, then the total, then the money not attributed; the promised and the collected
 * amounts in one column per currency (`promised_EUR`…, `collected_EUR`…), dot and two decimals; rates with
 * two decimals; handling in seconds.
 */
export const AGENCY_KPI_COLUMNS = [
  'dimension',
  'name',
  'attempts',
  'right_party',
  'rpc_rate',
  'promises',
  'promises_kept',
  'promises_broken',
  'kept_rate',
  'plans',
  'handled_calls',
  'average_handling_seconds',
] as const;

export async function exportAgencyKpis(db: Db, actor: Actor, input: z.input<typeof ExportAgencyKpisQuery>): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const { format, ...q } = ExportAgencyKpisQuery.parse(input);
  const k = await getAgencyKpis(db, actor, q);
  const all = [...k.operators, ...k.queues, k.total];
  const currencies = [...new Set([...all.flatMap((r) => r.collected.map((c) => c.currency)), ...k.notAttributed.map((c) => c.currency)])].sort();
  const promisedIn = [...new Set(all.flatMap((r) => r.promised.map((c) => c.currency)))].sort();
  const columns = [...AGENCY_KPI_COLUMNS, ...promisedIn.map((c) => `promised_${c}`), ...currencies.map((c) => `collected_${c}`)];
  const amountOf = (list: { currency: string; amount: string }[], c: string) => list.find((x) => x.currency === c)?.amount ?? '0.00';
  type Row = (typeof all)[number];
  const line = (dimension: string, name: string | null, r: Row) => [
    dimension,
    name,
    r.attempts,
    r.rightParty,
    r.rpcRate,
    r.promises,
    r.promisesKept,
    r.promisesBroken,
    r.keptRate,
    r.plans,
    r.handledCalls,
    r.averageHandlingSeconds,
    ...promisedIn.map((c) => amountOf(r.promised, c)),
    ...currencies.map((c) => amountOf(r.collected, c)),
  ];
  const blank = AGENCY_KPI_COLUMNS.slice(2).map(() => null);
  const table: (string | number | null)[][] = [
    ...k.operators.map((r) => line('operator', r.name, r)),
    ...k.queues.map((r) => line('queue', r.name, r)),
    line('total', null, k.total),
    ['not_attributed', null, ...blank, ...promisedIn.map(() => null), ...currencies.map((c) => amountOf(k.notAttributed, c))],
  ];
  const amounts = new Set([...promisedIn.map((c) => `promised_${c}`), ...currencies.map((c) => `collected_${c}`)]);
  const name = `kpi-operatori-${k.from}-${k.to}`;
  if (format === 'xlsx') {
    return { fileName: `${name}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await renderTableXlsx('kpi', columns, table, amounts, today().toString()) };
  }
  return { fileName: `${name}.csv`, contentType: 'text/csv; charset=utf-8', body: portalCsv(columns, table) };
}

import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { inReportSnapshot, loadDischargeReport, resolveDischargeScope } from './discharge-data.ts';
import { DischargeQuery, type DischargePreview } from './schema.ts';

/**
 * The discharge report on screen (issue 16 item 6): totals per revenue × tax year and in all, whether
 * the identity holds (and the positions that break it), the narrative's figures and the first
 * positions. Reading only: nothing is issued.
 */
export async function previewDischargeReport(db: Db, actor: Actor, query: z.input<typeof DischargeQuery>): Promise<DischargePreview> {
  authorize(actor, 'read', 'discharge_report');
  const q = parseInput(DischargeQuery, query);
  const { scope, r } = await inReportSnapshot(db, async (trx) => {
    const scope = await resolveDischargeScope(trx, actor, q);
    return { scope, r: await loadDischargeReport(trx, actor.tenantId, scope, 200) };
  });
  return {
    creditorId: scope.creditorId,
    creditorName: scope.creditorName,
    loadId: scope.loadId,
    asOf: r.asOf,
    holds: r.breaks.length === 0,
    totals: r.totals,
    groups: r.groups,
    breaks: r.breaks.slice(0, 200),
    summary: r.summary,
    rows: r.rows.slice(0, 200).map((x) => ({
      claimId: x.claimId,
      reference: x.reference,
      taxpayer: x.taxpayer,
      revenue: x.revenue,
      taxYear: x.taxYear,
      currency: x.currency,
      state: x.state,
      reason: x.reason,
      loaded: x.loaded,
      collected: x.collected,
      annulled: x.annulled,
      residual: x.residual,
    })),
  };
}

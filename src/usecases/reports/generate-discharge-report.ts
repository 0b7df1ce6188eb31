import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { encodeMessage, msg, type Locale } from '../../domain/messages/index.ts';
import type { DischargeHead } from '../../domain/discharge/report.ts';
import { unprocessable } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { inReportSnapshot, openDischargeReport, resolveDischargeScope } from './discharge-data.ts';
import { renderDischargeFile, type DischargeFile } from './discharge-file.ts';
import { DischargeFileQuery } from './schema.ts';

/** Refuses a report whose identity does not hold, naming the first position that breaks it and how many do. */
export function assertIdentity(r: Pick<DischargeHead, 'breaks'>): void {
  const first = r.breaks[0];
  if (!first) return;
  const positions = new Set(r.breaks.map((b) => b.claimId)).size;
  throw unprocessable(msg('discharge.identity_broken', { count: positions, reference: first.reference, problem: encodeMessage(msg(`discharge.problem.${first.problem}`)) }));
}

/**
 * The discharge report as a file (CSV, XLSX or PDF), not issued: what the CLI writes and the UI
 * downloads as a draft. It is refused, like an issue, when the identity does not hold.
 */
export async function generateDischargeReport(db: Db, actor: Actor, query: z.input<typeof DischargeFileQuery>, locale: Locale = 'it'): Promise<DischargeFile & { positions: number; head: DischargeHead }> {
  authorize(actor, 'read', 'discharge_report');
  const q = parseInput(DischargeFileQuery, query);
  return inReportSnapshot(db, async (trx) => {
    const scope = await resolveDischargeScope(trx, actor, q);
    const source = await openDischargeReport(trx, actor.tenantId, scope);
    try {
      assertIdentity(source.head);
      const file = await renderDischargeFile(source, scope, q.format, q.language ?? locale);
      return { ...file, positions: source.head.positions, head: source.head };
    } finally {
      await source.close();
    }
  });
}

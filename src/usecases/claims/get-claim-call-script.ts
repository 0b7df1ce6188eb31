import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { asLanguage } from '../../domain/dunning/words.ts';
import { notFound } from '../../domain/errors.ts';
import { language as languageField } from '../../domain/fields.ts';
import { formatMoneyText } from '../../domain/money-format.ts';
import { MUNICIPAL_TAX_KINDS, type ActKind, type ClaimKind } from '../../domain/model.ts';
import { callScript } from '../../domain/municipal/call-script.ts';
import { comuneName } from '../../domain/municipal/comune-name.ts';
import { instalmentTier } from '../../domain/municipal/instalments.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { assertId } from '../shared/scope.ts';
import { fetchClaimView } from './claim-query.ts';

export const ClaimCallScriptQuery = z.object({
  /** The language of the call (default: the taxpayer's). */
  lang: languageField.optional(),
});

export const ClaimCallScriptView = z.object({
  claimId: z.uuid(),
  language: z.enum(['it', 'en', 'de', 'fr']),
  sections: z.array(z.object({ key: z.string(), title: z.string(), lines: z.array(z.string()) })),
});
export type ClaimCallScriptView = z.infer<typeof ClaimCallScriptView>;

/**
 * What the operator says on a call about a comune's position, fitted to its revenue and act (the
 * domain's callScript): the agency as it writes (its letterhead, else its name), the comune as letters
 * name it, the amount owed today, the notice code, F24 where it applies and the instalments the
 * regulation allows. In the taxpayer's language unless asked otherwise; owed today, or on `asOf` (the desk's clock). Only a comune's positions
 * have one (404 otherwise, as for another tenant's claim).
 */
export async function getClaimCallScript(db: Db, actor: Actor, id: string, query: z.input<typeof ClaimCallScriptQuery> = {}, asOf?: string): Promise<ClaimCallScriptView> {
  authorize(actor, 'read', 'claim');
  assertId(id, 'claim');
  const q = ClaimCallScriptQuery.parse(query);
  const claim = await fetchClaimView(db, actor, id, asOf);
  if (!claim) throw notFound('claim');
  const row = await db
    .selectFrom('claims as c')
    .innerJoin('creditors as k', (j) => j.onRef('k.id', '=', 'c.creditor_id').onRef('k.tenant_id', '=', 'c.tenant_id'))
    .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'c.debtor_id').onRef('d.tenant_id', '=', 'c.tenant_id'))
    .innerJoin('tenants as t', 't.id', 'c.tenant_id')
    .select(['k.kind as creditor_kind', 'k.name as creditor_name', 'k.cadastral_code', 'd.language', 't.name as tenant_name', 't.settings'])
    .where('c.tenant_id', '=', actor.tenantId)
    .where('c.id', '=', id)
    .executeTakeFirstOrThrow();
  if (row.creditor_kind !== 'public_entity' || claim.kind === 'invoice') throw notFound('claim');
  const language = q.lang ?? asLanguage(row.language);
  const letterhead = (row.settings as { letterhead?: { name?: unknown } }).letterhead;
  const agency = typeof letterhead?.name === 'string' ? letterhead.name : row.tenant_name;
  const owed = claim.balance.totalDue;
  const sections = callScript({
    language,
    revenue: claim.kind as ClaimKind,
    act: claim.act ? { kind: claim.act.kind as ActKind, number: claim.act.number, date: claim.act.date, enforceableOn: claim.act.enforceableOn } : null,
    taxYear: claim.taxYear,
    comune: comuneName(row.creditor_name),
    agency,
    total: formatMoneyText(owed, claim.currency, language),
    noticeCode: claim.noticeCode ? claim.noticeCode.replace(/(\d{4})(?=\d)/g, '$1 ') : null,
    f24: (MUNICIPAL_TAX_KINDS as readonly string[]).includes(claim.kind) && row.cadastral_code !== null,
    instalments: instalmentTier(owed),
  });
  return { claimId: id, language, sections };
}

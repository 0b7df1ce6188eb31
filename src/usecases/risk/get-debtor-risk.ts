import type { Db } from '../../db/connect.ts';
import { DEFAULT_LOCALE, messageList, msg, translate, type Locale, type Message, type MessageCode } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import type { ProfileFigures } from '../../domain/risk/profile.ts';
import { adviceFor, isWorsening, type RiskClass, type RiskRules } from '../../domain/risk/rules.ts';
import { loadRules } from './refresh-debtor-profiles.ts';
import type { AdviceChoiceView, RiskView } from './schema.ts';

/**
 * A debtor's stored profiles, worded in the reader's language, with the advice for the negotiation
 * tier and the choices recorded on it. A viewer (one creditor) sees only the relationship with its
 * creditor: nothing about other mandates. Null when no profile is stored (a debtor without claims).
 * The caller has loaded the debtor in the actor's scope and authorized the read.
 */
export async function debtorRisk(db: Db, actor: Actor, debtorId: string, locale: Locale = DEFAULT_LOCALE): Promise<RiskView | null> {
  let q = db
    .selectFrom('debtor_profiles as p')
    .leftJoin('creditors as c', (j) => j.onRef('c.id', '=', 'p.creditor_id').onRef('c.tenant_id', '=', 'p.tenant_id'))
    .select(['p.creditor_id', 'c.name as creditor_name', 'p.risk_class', 'p.figures', 'p.reasons'])
    .where('p.tenant_id', '=', actor.tenantId)
    .where('p.debtor_id', '=', debtorId);
  if (actor.creditorId !== null) q = q.where('p.creditor_id', '=', actor.creditorId);
  const rows = await q.orderBy('c.name').execute();
  const whole = actor.creditorId === null ? rows.find((r) => r.creditor_id === null) : rows[0];
  if (!whole) return null;
  const rules = await loadRules(db, actor.tenantId, rows.map((r) => r.creditor_id).filter((c): c is string => c !== null));
  const rulesOf = (creditorId: string | null): RiskRules => (creditorId === null ? rules.tenant : (rules.creditors.get(creditorId) ?? rules.tenant));
  const view = (r: (typeof rows)[number]) => {
    const figures = r.figures as unknown as ProfileFigures;
    const reasons = r.reasons.map((m) => msg(m.code as MessageCode, m.params));
    return {
      creditorId: r.creditor_id,
      creditorName: r.creditor_name,
      riskClass: r.risk_class,
      explanation: translate(msg('risk.explanation', { class: r.risk_class, reasons: messageList(reasons) }), locale),
      worsening: isWorsening(figures, rulesOf(r.creditor_id)),
      figures,
      reasons,
    };
  };
  const profile = view(whole);
  const advice = adviceFor(profile.figures, { riskClass: profile.riskClass as RiskClass, reasons: profile.reasons, worsening: profile.worsening }, rulesOf(profile.creditorId));
  let choices = db
    .selectFrom('debtor_advice as a')
    .leftJoin('users as u', 'u.id', 'a.decided_by')
    .select(['a.id', 'a.creditor_id', 'a.recommended', 'a.choice', 'a.reason', 'a.risk_class', 'u.name as decided_by', 'a.decided_at'])
    .where('a.tenant_id', '=', actor.tenantId)
    .where('a.debtor_id', '=', debtorId);
  if (actor.creditorId !== null) choices = choices.where('a.creditor_id', '=', actor.creditorId);
  const strip = ({ reasons: _r, ...v }: ReturnType<typeof view>) => v;
  const word = (ms: Message[]) => ms.map((m) => translate(m, locale));
  return {
    profile: strip(profile),
    perCreditor: rows.filter((r) => r.creditor_id !== null).map((r) => strip(view(r))),
    advice: advice ? { recommend: advice.recommend, reasons: word(advice.reasons) } : null,
    choices: (await choices.orderBy('a.decided_at', 'desc').limit(20).execute()).map(
      (c): AdviceChoiceView => ({
        id: c.id,
        creditorId: c.creditor_id,
        recommended: c.recommended,
        choice: c.choice,
        reason: c.reason,
        riskClass: c.risk_class,
        decidedBy: c.decided_by,
        decidedAt: c.decided_at.toISOString(),
      }),
    ),
  };
}

import { plainDateOf } from '../dates.ts';
import type { DebtorKind } from '../model.ts';
import { money } from '../money.ts';

/**
 * Mediation and conciliation before court (issue 17 item 4; seed 000: "proposta di mediazione o
 * conciliazione", "la negoziazione assistita e la mediazione"). Which procedure fits is chosen by the
 * debtor's kind and the creditor's jurisdiction, by these rules (data, with the law):
 *
 * - Italy, consumer: **conciliazione paritetica** under the UNIREC – consumer associations protocol
 *   (ADR for consumers, art. 141 ss. Codice del consumo, D.Lgs. 206/2005): voluntary, free for the consumer.
 * - Italy, business (sole trader, company, public administration), claims up to € 50,000:
 *   **negoziazione assistita** (art. 3 D.L. 132/2014, conv. L. 162/2014): a condition of proceeding for a
 *   claim to pay sums up to € 50,000 — compulsory before suing (not before a decreto ingiuntivo, art. 3 c.3).
 *   It lasts one to three months (art. 2 c.2 lett. a).
 * - Italy, business, above € 50,000: **mediazione** (D.Lgs. 28/2010): voluntary (art. 2) for a supply
 *   contract; compulsory only in the matters of art. 5 c.1 (condominium, leases, banking, insurance and
 *   financial contracts, franchising, subcontracting, supply-and-service "somministrazione" …) — the operator
 *   may mark it compulsory. It lasts at most three months, extendable by three (art. 6).
 * - Switzerland: **Schlichtung** before the Schlichtungsbehörde (art. 197 ZPO: the conciliation attempt
 *   precedes the decision procedure; exceptions in art. 198–199). The hearing within two months (art. 203 c.1).
 * - Germany and France: no procedure is proposed here (none is a condition before a payment claim we
 *   handle: the Mahnverfahren and the injonction de payer go without one).
 */
export const MEDIATION_PROCEDURES = ['mediazione', 'negoziazione_assistita', 'conciliazione_paritetica', 'schlichtung'] as const;
export type MediationProcedure = (typeof MEDIATION_PROCEDURES)[number];

export const MEDIATION_OUTCOMES = ['pending', 'agreed', 'failed', 'refused'] as const;
export type MediationOutcome = (typeof MEDIATION_OUTCOMES)[number];

export type Jurisdiction = 'IT' | 'CH' | 'DE' | 'FR';

export interface MediationRule {
  jurisdiction: Jurisdiction;
  /** Debtor kinds the rule is for. */
  debtorKinds: readonly DebtorKind[];
  /** The rule applies when the amount in dispute is at most this (inclusive); null: any amount. */
  maxAmount: string | null;
  /** …and more than this; null: from zero. */
  minAmountExclusive: string | null;
  procedure: MediationProcedure;
  /** Whether it is a condition before suing (the operator may still mark a mediazione compulsory by matter). */
  compulsory: boolean;
  /** How long the claims are paused by default (the procedure's length). */
  pauseDays: number;
  law: string;
}

const BUSINESS: readonly DebtorKind[] = ['sole_trader', 'company', 'public_administration'];

/** The rules, first match wins. */
export const MEDIATION_RULES: readonly MediationRule[] = [
  { jurisdiction: 'IT', debtorKinds: ['consumer'], maxAmount: null, minAmountExclusive: null, procedure: 'conciliazione_paritetica', compulsory: false, pauseDays: 90, law: 'Protocollo UNIREC – associazioni dei consumatori; art. 141 D.Lgs. 206/2005' },
  { jurisdiction: 'IT', debtorKinds: BUSINESS, maxAmount: '50000.00', minAmountExclusive: null, procedure: 'negoziazione_assistita', compulsory: true, pauseDays: 90, law: 'art. 3 D.L. 132/2014 (L. 162/2014)' },
  { jurisdiction: 'IT', debtorKinds: BUSINESS, maxAmount: null, minAmountExclusive: '50000.00', procedure: 'mediazione', compulsory: false, pauseDays: 90, law: 'artt. 2, 5, 6 D.Lgs. 28/2010' },
  { jurisdiction: 'CH', debtorKinds: ['consumer', ...BUSINESS], maxAmount: null, minAmountExclusive: null, procedure: 'schlichtung', compulsory: true, pauseDays: 60, law: 'art. 197, 203 ZPO' },
];

/** The law each procedure stands on (shown with it). */
export const PROCEDURE_LAW: Readonly<Record<MediationProcedure, string>> = {
  conciliazione_paritetica: 'Protocollo UNIREC – associazioni dei consumatori; art. 141 D.Lgs. 206/2005',
  negoziazione_assistita: 'art. 3 D.L. 132/2014 (L. 162/2014)',
  mediazione: 'artt. 2, 5, 6 D.Lgs. 28/2010',
  schlichtung: 'art. 197, 203 ZPO',
};

/** Which procedures may be proposed where (the operator may choose another one of these: e.g. a voluntary mediazione for a consumer). */
export const PROCEDURES_BY_JURISDICTION: Readonly<Record<Jurisdiction, readonly MediationProcedure[]>> = {
  IT: ['conciliazione_paritetica', 'negoziazione_assistita', 'mediazione'],
  CH: ['schlichtung'],
  DE: [],
  FR: [],
};

export interface MediationChoice {
  procedure: MediationProcedure;
  compulsory: boolean;
  pauseDays: number;
  law: string;
}

/** The procedure the rules propose for a debtor kind, the creditor's jurisdiction and the amount in dispute; null: none. */
export function proposeProcedure(debtorKind: DebtorKind, jurisdiction: Jurisdiction, amount: string): MediationChoice | null {
  const a = money(amount);
  const rule = MEDIATION_RULES.find(
    (r) =>
      r.jurisdiction === jurisdiction &&
      r.debtorKinds.includes(debtorKind) &&
      (r.maxAmount === null || a.lte(r.maxAmount)) &&
      (r.minAmountExclusive === null || a.gt(r.minAmountExclusive)),
  );
  return rule ? { procedure: rule.procedure, compulsory: rule.compulsory, pauseDays: rule.pauseDays, law: rule.law } : null;
}

/**
 * The procedure to record: the operator's choice when it is one allowed in the jurisdiction (compulsory
 * only as the rules say, or as the operator marks a mediazione by matter), else the rules' proposal.
 */
export function chooseProcedure(
  debtorKind: DebtorKind,
  jurisdiction: Jurisdiction,
  amount: string,
  wanted: { procedure?: MediationProcedure | undefined; compulsoryByMatter?: boolean | undefined } = {},
): MediationChoice | 'not_available' | 'not_allowed' {
  const proposed = proposeProcedure(debtorKind, jurisdiction, amount);
  if (!wanted.procedure) {
    if (!proposed) return 'not_available';
    return wanted.compulsoryByMatter && proposed.procedure === 'mediazione' ? { ...proposed, compulsory: true } : proposed;
  }
  if (!PROCEDURES_BY_JURISDICTION[jurisdiction].includes(wanted.procedure)) return 'not_allowed';
  // UNIREC conciliation is for consumers only; negoziazione assistita and mediazione need a lawyer on each side.
  if (wanted.procedure === 'conciliazione_paritetica' && debtorKind !== 'consumer') return 'not_allowed';
  if (proposed && proposed.procedure === wanted.procedure) return wanted.compulsoryByMatter && wanted.procedure === 'mediazione' ? { ...proposed, compulsory: true } : proposed;
  const compulsory = wanted.procedure === 'mediazione' && wanted.compulsoryByMatter === true;
  return { procedure: wanted.procedure, compulsory, pauseDays: 90, law: PROCEDURE_LAW[wanted.procedure] };
}

/** The last day of the pause: the procedure's length from the day proposed. */
export function pauseUntil(proposedOn: string, days: number): string {
  return plainDateOf(proposedOn).add({ days }).toString();
}

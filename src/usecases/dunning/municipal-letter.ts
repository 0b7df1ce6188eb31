import type { InterestMode, Language, TemplateActKind } from '../../domain/dunning/index.ts';
import type { ClaimBalance } from '../../domain/interest/claim-ledger.ts';
import { encodeMessage, msg, translate, type MessageCode } from '../../domain/messages/index.ts';
import type { MunicipalRevenueKind } from '../../domain/model.ts';
import { money, sumMoney, toMoneyString } from '../../domain/money.ts';
import { comuneName, comuneOf } from '../../domain/municipal/comune-name.ts';
import { f24Lines, REVENUE_FAMILIES, type F24Component } from '../../domain/municipal/f24.ts';
import { revenueParam } from '../../domain/municipal/local-interest.ts';
import { pagopaQrPayload } from '../../domain/municipal/pagopa.ts';
import { posteDataMatrixPayload } from '../../domain/municipal/poste.ts';
import { alboSchema, pagopaSettingsSchema, type PagopaSettings } from '../../domain/municipal/settings.ts';
import { shortDate } from '../../integrations/letters/format.ts';
import type { LetterF24, LetterMunicipal, LetterPagopa, LetterPosition, LetterPoste } from '../../integrations/letters/index.ts';
import type { DebtorContext } from './load-context.ts';

/*
 * What a letter or e-mail about a comune's positions says beyond the step's text (issue 13, items 4–5;
 * municipal-notes.md §2, §3, §5, §7.1): each position's revenue and year, the act behind it (kind,
 * number, date, notification, enforceability), its components with what is due on each, the pagoPA
 * notice (codice avviso, the comune's codice fiscale, the QR payload) and, for IMU and TARI, the F24
 * lines of section "IMU e altri tributi locali"; and the agency acting on the comune's behalf with its
 * registration in the MEF albo (art. 53 D.Lgs. 446/1997). Every text in the reader's language.
 */

type ClaimRow = DebtorContext['claims'][number];
type CreditorRow = DebtorContext['creditors'] extends Map<string, infer C> ? C : never;
type ComponentRow = NonNullable<DebtorContext['components']> extends Map<string, (infer R)[]> ? R : never;

const REVENUES: readonly string[] = ['imu', 'tari', 'cup', 'cds_fine', 'other'];
const revenueOf = (kind: string): MunicipalRevenueKind => (REVENUES.includes(kind) ? (kind as MunicipalRevenueKind) : 'other');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Whether a creditor is a public entity (a comune) whose letters follow its acts. */
export const isComune = (creditor: { kind?: string | null }) => creditor.kind === 'public_entity';

/**
 * The act whose wording the letter must follow when it is about several positions: an enforcement
 * title already issued outweighs everything (the letter never promises that paying avoids an act
 * that exists), then any other act served, then the bonario stage.
 */
export function governingAct(kinds: readonly (TemplateActKind | null)[]): TemplateActKind | null {
  const order: (TemplateActKind | null)[] = ['accertamento_esecutivo', 'ingiunzione_fiscale', 'verbale_cds', 'other', 'cup_notice', 'bonario'];
  for (const k of order) if (kinds.includes(k)) return k;
  return null;
}

/** "Studio X agisce per conto del Comune di Valdoria ed è iscritta all'albo … n. 123 dal …". */
export function agencyLine(tenant: DebtorContext['tenant'], agencyName: string, creditorName: string, language: Language): string | null {
  if (tenant.kind !== 'agency') return null;
  const of = comuneOf(creditorName, language);
  const albo = alboSchema.safeParse((tenant.settings as { albo?: unknown }).albo);
  if (!albo.success) return translate(msg('letters.comune_agency_unregistered', { agency: agencyName, creditorOf: of }), language);
  const section = encodeMessage(msg(albo.data.section === 'support' ? 'letters.albo_section_support' : 'letters.albo_section_ordinary'));
  return translate(msg('letters.comune_agency', { agency: agencyName, creditorOf: of, section, number: albo.data.number, date: shortDate(albo.data.registeredOn, language) }), language);
}

/** The act, worded: kind, number and date; notification; enforceability. */
function actLines(row: ClaimRow, language: Language): string[] {
  if (!row.act_kind) return [];
  const act = translate(msg(`letters.act_${row.act_kind}` as MessageCode), language);
  const first = row.act_number
    ? row.act_date
      ? translate(msg('letters.comune_act', { act, number: row.act_number, date: shortDate(row.act_date, language) }), language)
      : translate(msg('letters.comune_act_undated', { act, number: row.act_number }), language)
    : act;
  const out = [first];
  if (row.act_notified_on) out.push(translate(msg('letters.comune_act_notified', { date: shortDate(row.act_notified_on, language) }), language));
  if (row.act_enforceable_on) out.push(translate(msg('letters.comune_act_enforceable', { date: shortDate(row.act_enforceable_on, language) }), language));
  return out;
}

function componentLabel(kind: string, revenue: MunicipalRevenueKind, language: Language): string {
  // A position recorded before components (one `principal`) is the revenue's own amount.
  const part = kind === 'principal' && revenue !== 'other' ? 'tax' : kind;
  // A CdS fine is an administrative sanction, never a tax; a CUP is a fee (municipal-notes.md §5).
  if (part === 'tax' && (revenue === 'cds_fine' || revenue === 'cup')) return capital(translate(msg(`letters.component_tax_${revenue}`), language));
  return capital(translate(msg(`municipal.component_${part}` as MessageCode), language));
}

/** Parts with an F24 tribute code; c.803 charges, fees and other costs have none (f24.ts). */
const F24_KINDS = new Set(['tax', 'sanctions', 'act_interest', 'accrued_interest', 'notification_costs']);

export interface PositionInput {
  row: ClaimRow;
  creditor: CreditorRow;
  components: readonly ComponentRow[];
  balance: ClaimBalance;
  /** The step's interest mode for this claim: accrued interest is asked for only when charged. */
  mode: InterestMode;
  payBy: string;
  language: Language;
  /** The taxpayer, for the Bollettino Postale PA's Data Matrix (name and codice fiscale). */
  debtor?: { name: string; taxCode: string | null };
}

/** One position of the letter: title, act, components, pagoPA notice, F24 lines. */
export function municipalPosition(p: PositionInput): LetterPosition {
  const { row, balance: b, language } = p;
  const revenue = revenueOf(row.kind);
  const revenueName = translate(msg(`municipal.revenue_${revenue}` as MessageCode), language);
  const title = row.tax_year ? translate(msg('letters.comune_revenue_year', { revenue: revenueParam(revenue), year: row.tax_year }), language) : capital(revenueName);
  const rows: LetterPosition['components'] = [];
  const f24Parts: F24Component[] = [];
  let outsideF24 = false;
  // Every claim has its components since migration 0012; without them, the engine's principal stands for them.
  const components = p.components.length
    ? p.components
    : [{ kind: 'principal', amount: toMoneyString(money(b.principalDue).plus(b.principalPaid)), paid: b.principalPaid, waived: '0.00', tribute_code: null } as unknown as ComponentRow];
  for (const c of components) {
    const due = toMoneyString(money(c.amount).minus(c.paid).minus(c.waived));
    rows.push({ label: componentLabel(c.kind, revenue, language), tributeCode: c.tribute_code, amount: c.amount, paid: toMoneyString(money(c.paid).plus(c.waived)), due });
    if (money(due).gt(0)) {
      if (F24_KINDS.has(c.kind)) f24Parts.push({ kind: c.kind as F24Component['kind'], amount: due, tributeCode: c.tribute_code });
      else outsideF24 = true;
    }
  }
  // Interest accrued after the act (art. 1 c. 165 L. 296/2006), when this step asks for it.
  if (p.mode === 'charge' && money(b.interest).gt(0)) {
    rows.push({ label: capital(translate(msg('municipal.component_accrued_interest'), language)), tributeCode: null, amount: b.interest, paid: b.interestPaid, due: b.interestDue });
    if (money(b.interestDue).gt(0)) f24Parts.push({ kind: 'accrued_interest', amount: b.interestDue });
  }
  // The c.803 collection charges of an enforceable act, which the engine derives (in the balance's costs).
  const ch = b.charges;
  if (ch && money(ch.amount).gt(0)) {
    rows.push({ label: capital(translate(msg('municipal.component_collection_charges'), language)), tributeCode: null, amount: ch.amount, paid: ch.paid, due: ch.due });
    if (money(ch.due).gt(0)) outsideF24 = true;
  }
  // Costs booked on the claim beside the act's components (e.g. a reminder's postage).
  const less = (v: string, c: string | undefined) => toMoneyString(money(v).minus(c ?? '0'));
  const costs = { amount: less(b.costs, ch?.amount), paid: less(b.costsPaid, ch?.paid), due: less(b.costsDue, ch?.due) };
  if (money(costs.amount).gt(0)) {
    rows.push({ label: capital(translate(msg('letters.comune_other_costs'), language)), tributeCode: null, ...costs });
    if (money(costs.due).gt(0)) outsideF24 = true;
  }
  const totalDue = toMoneyString(sumMoney(rows.map((r) => r.due)));
  return { reference: row.external_ref, title, act: actLines(row, language), components: rows, totalDue, pagopa: pagopaOf(p, totalDue, title), f24: outsideF24 ? null : f24Of(p, revenue, f24Parts) };
}

/** The notice's data when the position has a codice avviso and the comune its codice fiscale. */
function pagopaOf(p: PositionInput, amount: string, title: string): LetterPagopa | null {
  const cf = p.creditor.tax_code?.trim();
  if (!p.row.notice_code || !cf || money(amount).lte(0)) return null;
  const settings = pagopaSettingsSchema.safeParse(p.creditor.pagopa);
  const poste = settings.success ? posteOf(p, settings.data, cf, amount, title) : null;
  return {
    entity: comuneName(p.creditor.name),
    cfEnte: cf,
    noticeCode: p.row.notice_code,
    amount,
    payBy: p.payBy,
    cbill: settings.success ? (settings.data.cbill ?? null) : null,
    // Throws a coded MunicipalInputError on a bad code, CF or amount: the letter fails with the reason.
    qrPayload: pagopaQrPayload(p.row.notice_code, cf, amount),
    // Only where the comune collects on a postal account: other letters stay as they were, byte for byte.
    ...(poste ? { poste } : {}),
  };
}

/**
 * The Bollettino Postale PA when the comune collects on a postal current account (municipal-notes.md
 * §2.6): account, holder (the comune when not set), Poste's authorisation, and the Data Matrix payload
 * — notice code, amount, CF ente, the taxpayer and the causale (revenue, year, act or reference).
 */
function posteOf(p: PositionInput, settings: PagopaSettings, cf: string, amount: string, title: string): LetterPoste | null {
  if (!settings.postalAccount) return null;
  const subject = `${title} - ${p.row.act_number ?? p.row.external_ref}`;
  return {
    account: settings.postalAccount,
    holder: settings.postalHolder ?? comuneName(p.creditor.name),
    authorization: settings.postalAuthorization ?? null,
    // Throws a coded MunicipalInputError on a bad code, CF, account or amount, as the QR code does.
    payload: posteDataMatrixPayload({
      notice: p.row.notice_code!,
      cfEnte: cf,
      postalAccount: settings.postalAccount,
      amount,
      debtorTaxCode: p.debtor?.taxCode ?? null,
      debtorName: p.debtor?.name ?? '',
      subject,
    }),
  };
}

/**
 * The F24 lines of an IMU or TARI position (section EL): only when every part due has a tribute code
 * (c.803 charges and other costs are paid through pagoPA), the comune its cadastral code and the
 * position its year — otherwise no F24, rather than a form that pays part of the debt.
 */
function f24Of(p: PositionInput, revenue: MunicipalRevenueKind, parts: F24Component[]): LetterF24 | null {
  if (!REVENUE_FAMILIES[revenue] || !p.creditor.cadastral_code || !p.row.tax_year || parts.length === 0) return null;
  const r = f24Lines({ cadastralCode: p.creditor.cadastral_code, year: p.row.tax_year, revenue, components: parts });
  if (!r.ok) return null;
  const lines = r.value.map((l) => ({ cadastralCode: l.cadastralCode, tributeCode: l.tributeCode, year: l.year, amount: money(l.debitCents).dividedBy(100).toFixed(2), ravvedimento: l.reconsideration }));
  return { lines, total: toMoneyString(sumMoney(lines.map((l) => l.amount))) };
}

/** The letter's comune part: the agency line and the positions. */
export function municipalLetter(agency: string | null, positions: LetterPosition[]): LetterMunicipal {
  return { agency, positions };
}

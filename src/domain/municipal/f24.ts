import { encodeMessage, msg, type MessageCode } from '../messages/index.ts';
import { money, moneyIssue } from '../money.ts';
import type { MunicipalRevenueKind } from '../model.ts';
import { revenueParam } from './local-interest.ts';
import { partParam, type MoneyPart } from './parts.ts';
import { fail, ok, type Result } from './result.ts';

/*
 * F24, section "IMU e altri tributi locali" (sezione EL): one line per tribute code with the comune's
 * cadastral code, the reference year and the amount. Field formats: pagopa/pn-f24
 * docs/openapi/schemas-f24.yaml LocalTaxRecord (municipal-notes.md §3.1). Rules (§3.2):
 * - accertamento: the tax under its ordinary code, interest and sanctions under their own codes
 *   (IMU 3923 / 3924; TARI 3945 / 3946; TEFA TEFN / TEFZ), with the tax year (PARTIAL: commercialistaefisco.it,
 *   fiscomania.it and practice; "follow the comune's instructions printed on the act");
 * - ravvedimento operoso: no separate codes — tax + reduced sanction + interest on one line under the
 *   tax code with "Ravv." ticked (VERIFIED: comune.longare.vi.it 2025, studiozanettisnc.it, corriere.it).
 */

export type TributeFamily = 'imu' | 'tari' | 'tariffa' | 'tefa';
export type TributeRole = 'tax' | 'interest' | 'sanctions';

export interface TributeCode {
  code: string;
  family: TributeFamily;
  role: TributeRole;
  beneficiary: 'comune' | 'stato' | 'provincia';
  description: string;
  status: 'VERIFIED' | 'PARTIAL';
  source: string;
}

const IMU_SRC = 'Ris. AdE 35/E 12/04/2012 e 33/E 21/05/2013 (comune.venezia.it "Codice tributo")';
const T = (code: string, family: TributeFamily, role: TributeRole, beneficiary: TributeCode['beneficiary'], description: string, source: string, status: TributeCode['status'] = 'VERIFIED'): TributeCode => ({
  code,
  family,
  role,
  beneficiary,
  description,
  status,
  source,
});

/** The tribute codes of the section, with beneficiary and source (municipal-notes.md §3.2–3.3). */
export const TRIBUTE_CODES: readonly TributeCode[] = [
  T('3912', 'imu', 'tax', 'comune', 'IMU – abitazione principale e pertinenze (solo A/1, A/8, A/9)', IMU_SRC),
  T('3913', 'imu', 'tax', 'comune', 'IMU – fabbricati rurali ad uso strumentale', IMU_SRC),
  T('3914', 'imu', 'tax', 'comune', 'IMU – terreni', IMU_SRC),
  T('3916', 'imu', 'tax', 'comune', 'IMU – aree fabbricabili', IMU_SRC),
  T('3918', 'imu', 'tax', 'comune', 'IMU – altri fabbricati', IMU_SRC),
  T('3925', 'imu', 'tax', 'stato', 'IMU – immobili ad uso produttivo cat. D, quota Stato', IMU_SRC),
  T('3930', 'imu', 'tax', 'comune', 'IMU – immobili ad uso produttivo cat. D, incremento', IMU_SRC),
  // The number is PARTIAL in the notes (Ris. 29/E 2020 as cited by the Venezia page).
  T('3939', 'imu', 'tax', 'comune', 'IMU – fabbricati costruiti e destinati dall’impresa alla vendita (c. 751)', 'Ris. AdE 29/E 2020 (comune.venezia.it)', 'PARTIAL'),
  T('3923', 'imu', 'interest', 'comune', 'IMU – interessi da accertamento', 'commercialistaefisco.it, fiscomania.it, codicetributo.com'),
  T('3924', 'imu', 'sanctions', 'comune', 'IMU – sanzioni da accertamento', 'commercialistaefisco.it, fiscomania.it, codicetributo.com'),
  T('3944', 'tari', 'tax', 'comune', 'TARI – tassa sui rifiuti (art. 1 c. 639 L. 147/2013)', 'Ris. AdE 45/E 24/04/2014 (directio.it); idealista.it'),
  T('3945', 'tari', 'interest', 'comune', 'TARI – interessi', 'Ris. AdE 45/E 24/04/2014 (directio.it); idealista.it 2019'),
  T('3946', 'tari', 'sanctions', 'comune', 'TARI – sanzioni', 'idealista.it; immobiliare.it 2024'),
  T('3950', 'tariffa', 'tax', 'comune', 'Tariffa corrispettiva (art. 1 c. 668 L. 147/2013)', 'Ris. AdE 45/E 2014 (directio.it); idealista.it'),
  T('3951', 'tariffa', 'interest', 'comune', 'Tariffa corrispettiva – interessi', 'Ris. AdE 45/E 2014 (directio.it); idealista.it'),
  T('3952', 'tariffa', 'sanctions', 'comune', 'Tariffa corrispettiva – sanzioni', 'Ris. AdE 45/E 2014 (directio.it); idealista.it'),
  // Paid separately from TARI from tax year 2021 (Ris. 5/E 2021; DM MEF 01/07/2020 art. 2 c. 3); until 2020 under the TARI codes.
  T('TEFA', 'tefa', 'tax', 'provincia', 'Tributo provinciale per l’esercizio delle funzioni ambientali (art. 19 D.Lgs. 504/1992)', 'neopa.it (Ris. AdE 5/E 2021)'),
  T('TEFN', 'tefa', 'interest', 'provincia', 'TEFA – interessi', 'neopa.it (Ris. AdE 5/E 2021)'),
  T('TEFZ', 'tefa', 'sanctions', 'provincia', 'TEFA – sanzioni', 'neopa.it (Ris. AdE 5/E 2021)'),
];

const BY_CODE = new Map(TRIBUTE_CODES.map((t) => [t.code, t]));

/**
 * TEFA is paid under its own codes from tax year 2021; up to 2020 it went with TARI under 3944–3946
 * (Ris. AdE 5/E 2021; DM MEF 01/07/2020 art. 2 c. 3 — neopa.it, municipal-notes.md §3.3).
 */
export const TEFA_SEPARATE_FROM_YEAR = 2021;
const TEFA_BEFORE_SEPARATION: Readonly<Record<string, string>> = { TEFA: '3944', TEFN: '3945', TEFZ: '3946' };
export const tributeCode = (code: string): TributeCode | undefined => BY_CODE.get(code);

/** The families of tribute codes a revenue is paid under. CUP and CdS fines have none (pagoPA only). */
export const REVENUE_FAMILIES: Readonly<Partial<Record<MunicipalRevenueKind, readonly TributeFamily[]>>> = {
  imu: ['imu'],
  tari: ['tari', 'tariffa', 'tefa'],
};
/** Codes used when a component does not say its own: IMU's tax code depends on the property, so it has none. */
const DEFAULT_CODES: Readonly<Record<'imu' | 'tari', Partial<Record<TributeRole, string>>>> = {
  imu: { interest: '3923', sanctions: '3924' },
  tari: { tax: '3944', interest: '3945', sanctions: '3946' },
};

export const CADASTRAL_CODE = /^[A-Z][0-9]{3}$/;
const YEAR = /^[12][0-9]{3}$/;

export interface F24Component {
  kind: MoneyPart;
  amount: string;
  /** The component's tribute code; absent: the revenue's default (required for IMU's tax). */
  tributeCode?: string | null;
}

export interface F24Input {
  /** The comune's codice catastale (codice ente), e.g. "H501". */
  cadastralCode: string;
  /** The tax year (anno di riferimento). */
  year: number | string;
  revenue: MunicipalRevenueKind;
  components: readonly F24Component[];
  /** Ravvedimento operoso: one line per tax code, "Ravv." ticked. */
  ravvedimento?: boolean;
  /** Acconto or saldo box, when the payment is one of them. */
  payment?: 'acconto' | 'saldo' | null;
  /**
   * Which line carries the notification costs (pn-f24's `applyCost`: exactly one line does). The tax
   * line by default; UNVERIFIED practice — follow the comune's instructions on the act.
   */
  notificationCostsOn?: 'tax' | 'sanctions';
}

export interface F24Line {
  cadastralCode: string;
  tributeCode: string;
  year: string;
  /** Debit in euro cents. */
  debitCents: number;
  /** "Ravv." */
  reconsideration: boolean;
  advancePayment: boolean;
  fullPayment: boolean;
  /** This line includes the notification costs. */
  includesNotificationCosts: boolean;
}

const ROLE_OF: Partial<Record<MoneyPart, TributeRole>> = {
  tax: 'tax',
  act_interest: 'interest',
  accrued_interest: 'interest',
  sanctions: 'sanctions',
};
/** A role's name as a coded message param ("sanzioni"). */
const roleParam = (role: TributeRole) => encodeMessage(msg(`municipal.role_${role}` as MessageCode));

/** Why a cadastral code is not acceptable, or null. */
export const cadastralCodeIssue = (code: string) => (CADASTRAL_CODE.test(code) ? null : msg('municipal.cadastral_code', { code }));

/**
 * The lines of the section for one position. Zero components are left out; components with no F24
 * code (c.803 charges, fees, costs) are refused, to be stated apart, rather than hidden in a line.
 */
export function f24Lines(input: F24Input): Result<F24Line[]> {
  const cadastral = cadastralCodeIssue(input.cadastralCode);
  if (cadastral) return fail(cadastral);
  const year = String(input.year);
  if (!YEAR.test(year)) return fail(msg('municipal.f24_year', { year }));
  const families = REVENUE_FAMILIES[input.revenue];
  if (!families) return fail(msg('municipal.f24_no_codes', { revenue: revenueParam(input.revenue) }));
  const defaults = DEFAULT_CODES[input.revenue as 'imu' | 'tari'];

  // Resolve each component to a tribute code.
  const resolved: { code: TributeCode; cents: bigint }[] = [];
  let notificationCents = 0n;
  for (const c of input.components) {
    const amountProblem = moneyIssue(c.amount);
    if (amountProblem) return fail(amountProblem);
    const cents = BigInt(money(c.amount).times(100).toFixed(0));
    if (cents === 0n) continue;
    if (c.kind === 'notification_costs') {
      notificationCents += cents;
      continue;
    }
    const role = ROLE_OF[c.kind];
    if (!role) return fail(msg('municipal.f24_component', { kind: partParam(c.kind) }));
    const codeText = c.tributeCode ?? defaults[role];
    if (!codeText) return fail(msg('municipal.tribute_code_missing'));
    const code = tributeCode(codeText);
    if (!code) return fail(msg('municipal.tribute_code_unknown', { code: codeText }));
    if (!families.includes(code.family)) return fail(msg('municipal.tribute_code_mismatch', { code: code.code, revenue: revenueParam(input.revenue) }));
    if (code.role !== role) {
      return fail(msg('municipal.tribute_code_role', { code: code.code, expected: roleParam(code.role), role: roleParam(role) }));
    }
    const merged = code.family === 'tefa' && Number(year) < TEFA_SEPARATE_FROM_YEAR ? tributeCode(TEFA_BEFORE_SEPARATION[code.code]!)! : code;
    resolved.push({ code: merged, cents });
  }

  // Sum per line: under its own code, or (ravvedimento) under the tax code of its family.
  const lines = new Map<string, { cents: bigint; costs: boolean }>();
  const add = (code: string, cents: bigint) => {
    const l = lines.get(code) ?? { cents: 0n, costs: false };
    l.cents += cents;
    lines.set(code, l);
  };
  const taxCodes = resolved.filter((r) => r.code.role === 'tax').map((r) => r.code);
  for (const r of resolved) {
    if (!input.ravvedimento || r.code.role === 'tax') {
      add(r.code.code, r.cents);
      continue;
    }
    const candidates = [...new Set(taxCodes.filter((t) => t.family === r.code.family).map((t) => t.code))];
    const all = [...new Set(taxCodes.map((t) => t.code))];
    const target = candidates.length === 1 ? candidates[0] : candidates.length === 0 && all.length === 1 ? all[0] : undefined;
    if (!target) return fail(taxCodes.length ? msg('municipal.f24_ambiguous') : msg('municipal.f24_no_tax'));
    add(target, r.cents);
  }
  if (lines.size === 0) return fail(msg('municipal.f24_no_tax'));
  if (notificationCents > 0n) {
    const wanted = input.notificationCostsOn ?? 'tax';
    const order = [...lines.keys()];
    const on = order.find((k) => tributeCode(k)!.role === (input.ravvedimento ? 'tax' : wanted)) ?? order[0]!;
    const l = lines.get(on)!;
    l.cents += notificationCents;
    l.costs = true;
  }
  return ok(
    [...lines.entries()].map(([code, l]) => ({
      cadastralCode: input.cadastralCode,
      tributeCode: code,
      year,
      debitCents: Number(l.cents),
      reconsideration: input.ravvedimento === true,
      advancePayment: input.payment === 'acconto',
      fullPayment: input.payment === 'saldo',
      includesNotificationCosts: l.costs,
    })),
  );
}


/**
 * Why a component's tribute code does not fit it, or null: the code must exist, belong to the
 * revenue (IMU's codes for IMU; TARI, tariffa and TEFA codes for TARI) and to the component's role
 * (tax, interest, sanctions) — the checks `f24Lines` makes when the F24 is printed, made when the
 * position is loaded. Revenues without F24 codes (CUP, CdS fines) and components without a role
 * (notification costs, charges) accept no code.
 */
export function componentCodeIssue(revenue: MunicipalRevenueKind, kind: MoneyPart, codeText: string) {
  const families = REVENUE_FAMILIES[revenue];
  if (!families) return msg('municipal.f24_no_codes', { revenue: revenueParam(revenue) });
  const role = ROLE_OF[kind];
  if (!role) return msg('municipal.f24_component', { kind: partParam(kind) });
  const code = tributeCode(codeText);
  if (!code) return msg('municipal.tribute_code_unknown', { code: codeText });
  if (!families.includes(code.family)) return msg('municipal.tribute_code_mismatch', { code: code.code, revenue: revenueParam(revenue) });
  if (code.role !== role) return msg('municipal.tribute_code_role', { code: code.code, expected: roleParam(code.role), role: roleParam(role) });
  return null;
}

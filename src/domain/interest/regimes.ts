import { Temporal } from 'temporal-polyfill';
import { msg, translate, type Message } from '../messages/index.ts';
import { money, toMoneyString } from '../money.ts';
import type { BasisLine } from './basis.ts';
import type { DebtorKind } from '../model.ts';
import { INTEREST_REGIMES } from '../model.ts';
import { flatTable, plusPoints, RateTableError, validateRateTable, type RateRow, type RateTable } from './rate-table.ts';

export type Regime = (typeof INTEREST_REGIMES)[number];
export { INTEREST_REGIMES as REGIMES };

/** The statutory tables the regimes are built from (loaded from data/rates, with sources). */
export interface RateBook {
  /** Italy, art. 1284 c.c. */
  itLegal: RateTable;
  /** Italy, D.Lgs. 231/2002, contracts concluded before 2013-01-01 (ECB reference + 7). */
  itCommercialPlus7: RateTable;
  /** Italy, D.Lgs. 231/2002 as amended by D.Lgs. 192/2012 (ECB reference + 8). */
  itCommercialPlus8: RateTable;
  /** ECB main refinancing operations rate (France: commercial rate = MRO of 1 January / 1 July + 10). */
  ecbMro: RateTable;
  /** Germany, § 247 BGB Basiszinssatz. */
  deBasiszins: RateTable;
  /** France, taux de l'intérêt légal: creditor a natural person not acting professionally. */
  frLegalPrivate: RateTable;
  /** France, taux de l'intérêt légal: all other cases. */
  frLegalOther: RateTable;
}

export interface RegimeInput {
  regime: Regime;
  due: string;
  contractDate?: string | null | undefined;
  judicialClaimDate?: string | null | undefined;
  /** Contractual annual rate in percent, for `fixed`. */
  rate?: string | null | undefined;
  /** Base regime and points, for `spread` (e.g. it-legal + 3 for local taxes). */
  base?: Regime | null | undefined;
  spread?: string | null | undefined;
  debtorKind?: DebtorKind | null | undefined;
}

export interface ResolvedRegime {
  table: RateTable;
  /** The legal basis as codes, worded per language by basis.ts. */
  basis: BasisLine[];
  /** Whether the €40 flat compensation for recovery costs applies (B2B late payment). */
  flatCompensation: boolean;
}

/** Terms a regime cannot work with: the coded reason (`message` is its Italian text) and the field. */
export class RegimeError extends Error {
  readonly msg: Message;
  constructor(
    message: Message,
    readonly field: string,
  ) {
    super(translate(message, 'it'));
    this.name = 'RegimeError';
    this.msg = message;
  }
}

const add = (a: string, b: string) => money(a).plus(b).toString();
/** Art. 17 D.L. 132/2014: the c.4 switch applies to proceedings started from this day. */
export const C4_FROM = '2014-12-11';
/** D.Lgs. 192/2012 (+8 points, new terms) applies to contracts concluded from this day. */
export const PLUS8_FROM = '2013-01-01';
/** Art. 229 § 34 EGBGB: 9 points and the €40 for obligations arising after this day. */
export const DE_NEW_RULES_AFTER = '2014-07-28';

/** Rows of `a` before `date`, then rows of `b` from `date` on. */
export function switchAt(a: RateTable, b: RateTable, date: string, name: string): RateTable {
  const dayBefore = Temporal.PlainDate.from(date).subtract({ days: 1 }).toString();
  const head = a.rows
    .filter((r) => r.from <= dayBefore)
    .map((r) => ({ ...r, to: r.to === null || r.to > dayBefore ? dayBefore : r.to }));
  const tail = b.rows
    .filter((r) => r.to === null || r.to >= date)
    .map((r) => ({ ...r, from: r.from < date ? date : r.from }));
  const table = { name, rows: [...head, ...tail] };
  validateRateTable(table);
  return table;
}

const frozen = new WeakMap<RateTable, RateTable>();

/**
 * France, Code de commerce art. L441-10 II: the late-payment rate is the ECB rate of its most recent
 * refinancing operation + 10 points, and "le taux applicable pendant le premier semestre de l'année
 * concernée est le taux en vigueur au 1er janvier de l'année en question. Pour le second semestre de
 * l'année concernée, il est le taux en vigueur au 1er juillet" — one rate per half-year, whatever the
 * ECB decides inside it. A half-year whose first day the ECB table covers is known to its last day; the
 * half-year of the table's open-ended last row stays open ("until changed"). Derived once per ECB table.
 */
export function frenchCommercialTable(ecb: RateTable): RateTable {
  const known = frozen.get(ecb);
  if (known) return known;
  const rows: RateRow[] = [];
  const first = ecb.rows[0];
  if (first) {
    const f = Temporal.PlainDate.from(first.from);
    let start =
      f.day === 1 && (f.month === 1 || f.month === 7)
        ? f
        : Temporal.PlainDate.from({ year: f.year + (f.month >= 7 ? 1 : 0), month: f.month >= 7 ? 1 : 7, day: 1 });
    let k = 0;
    for (;;) {
      const day = start.toString();
      while (k < ecb.rows.length && ecb.rows[k]!.to !== null && ecb.rows[k]!.to! < day) k++;
      const row = ecb.rows[k];
      if (!row || row.from > day) break;
      const next = start.add({ months: 6 });
      const open = row.to === null;
      rows.push({
        from: day,
        to: open ? null : next.subtract({ days: 1 }).toString(),
        rate: add(row.rate, '10'),
        source: `C. com. L441-10 II: BCE/ECB ${row.rate} % in vigore il/in force on ${day} + 10 (${row.source})`,
      });
      if (open) break;
      start = next;
    }
  }
  const table = { name: 'fr-commercial', rows };
  validateRateTable(table);
  frozen.set(ecb, table);
  return table;
}

const consumerRefusal = (regime: string) =>
  new RegimeError(regime === 'it-commercial' ? msg('interest.commercial_not_consumer') : msg('interest.regime_not_consumer', { regime }), 'regime');

const percentPattern = /^-?\d{1,3}(\.\d{1,4})?$/;

export function resolveRegime(book: RateBook, input: RegimeInput, depth = 0): ResolvedRegime {
  const consumer = input.debtorKind === 'consumer';
  switch (input.regime) {
    case 'it-legal': {
      const basis: BasisLine[] = [{ code: 'it-1284-1' }];
      const j = input.judicialClaimDate;
      if (!j) return { table: book.itLegal, basis, flatCompensation: false };
      if (j < C4_FROM) {
        basis.push({ code: 'it-1284-4-not-applicable', params: { date: j } });
        return { table: book.itLegal, basis, flatCompensation: false };
      }
      basis.push({ code: 'it-1284-4', params: { date: j } });
      return { table: switchAt(book.itLegal, book.itCommercialPlus8, j, 'it-legal (c.4)'), basis, flatCompensation: false };
    }
    case 'it-commercial': {
      if (consumer) throw consumerRefusal('it-commercial');
      const concluded = input.contractDate ?? input.due;
      const old = concluded < PLUS8_FROM;
      return {
        table: old ? book.itCommercialPlus7 : book.itCommercialPlus8,
        basis: [{ code: 'it-231-5', params: { points: old ? '7' : '8', old: String(old) } }, { code: 'it-231-6' }],
        flatCompensation: true,
      };
    }
    case 'ch':
      return {
        table: flatTable('ch', '5', 'Art. 104 Abs. 1 OR / CO'),
        basis: [{ code: 'ch-104' }, { code: 'ch-105' }],
        flatCompensation: false,
      };
    case 'de-consumer':
      return {
        table: plusPoints(book.deBasiszins, '5', add, 'de-consumer'),
        basis: [{ code: 'de-288-1' }, { code: 'de-289' }],
        flatCompensation: false,
      };
    case 'de-business': {
      if (consumer) throw consumerRefusal('de-business');
      const arose = input.contractDate ?? input.due;
      const newRules = arose > DE_NEW_RULES_AFTER;
      return {
        table: plusPoints(book.deBasiszins, newRules ? '9' : '8', add, 'de-business'),
        basis: [
          { code: 'de-288-2', params: { points: newRules ? '9' : '8', old: String(!newRules) } },
          ...(newRules ? [{ code: 'de-288-5' } as const] : []),
          { code: 'de-289' },
        ],
        flatCompensation: newRules,
      };
    }
    case 'fr-legal-private':
      return {
        table: book.frLegalPrivate,
        basis: [{ code: 'fr-l313-2-private' }],
        flatCompensation: false,
      };
    case 'fr-legal-other':
      return { table: book.frLegalOther, basis: [{ code: 'fr-l313-2-other' }], flatCompensation: false };
    case 'fr-commercial':
      if (consumer) throw consumerRefusal('fr-commercial');
      return {
        table: frenchCommercialTable(book.ecbMro),
        basis: [{ code: 'fr-l441-10' }, { code: 'fr-d441-5' }],
        flatCompensation: true,
      };
    case 'fixed': {
      if (!input.rate || !percentPattern.test(input.rate) || input.rate.startsWith('-')) {
        throw new RegimeError(msg('interest.rate_required'), 'rate');
      }
      return {
        table: flatTable('fixed', input.rate, 'contract'),
        basis: [{ code: 'contract-rate', params: { rate: input.rate } }],
        flatCompensation: false,
      };
    }
    case 'spread': {
      if (!input.base || input.base === 'spread' || input.base === 'none' || depth > 0) {
        throw new RegimeError(msg('interest.base_required'), 'base');
      }
      if (!input.spread || !percentPattern.test(input.spread)) {
        throw new RegimeError(msg('interest.spread_required'), 'spread');
      }
      const base = resolveRegime(book, { ...input, regime: input.base }, depth + 1);
      return {
        table: plusPoints(base.table, input.spread, add, `${input.base}+${input.spread}`),
        basis: [...base.basis, { code: 'spread', params: { points: input.spread } }],
        flatCompensation: base.flatCompensation,
      };
    }
    case 'none':
      return { table: flatTable('none', '0', 'no interest'), basis: [{ code: 'no-interest' }], flatCompensation: false };
    default:
      throw new RegimeError(msg('interest.unknown_regime', { regime: String(input.regime), allowed: INTEREST_REGIMES.join(', ') }), 'regime');
  }
}

export const FLAT_COMPENSATION_EUR = toMoneyString('40');
export { RateTableError };

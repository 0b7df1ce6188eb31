import type { RateBook } from '../../domain/interest/regimes.ts';
import { money, toMoneyString } from '../../domain/money.ts';
import type { ComponentKind } from '../../domain/model.ts';
import { localTaxInterest } from '../../domain/municipal/local-interest.ts';
import { noticeCodeAux3 } from '../../domain/municipal/pagopa.ts';
import { OMITTED_PAYMENT_SANCTIONS, sanctionRate } from '../../domain/municipal/sanctions.ts';
import type { DemoClaim, DemoDataSet } from './generate.ts';
import { addDays } from './random.ts';

/** The demo comune's regulation: legal rate + 1 point on late taxes (art. 1 c. 165 L. 296/2006). */
export const VALDORIA_POINTS = '1';
/** The segregation code of the comune's own pagoPA intermediary, which supplies the notice codes. */
export const SEGREGATION = '07';
/** Notification of an act by registered mail (the demo's figure). */
const NOTIFICATION_CENTS = 875;

export interface DemoAct {
  kind: 'bonario' | 'accertamento_esecutivo' | 'verbale_cds' | 'cup_notice';
  number: string;
  date: string;
  notifiedOn: string | null;
  enforceableOn: string | null;
}
export interface DemoComponent {
  kind: ComponentKind;
  cents: number;
  tributeCode: string | null;
}

const cents = (amount: string) => Number(money(amount).times(100).toFixed(0));
const ofCents = (c: number) => toMoneyString(money(c).dividedBy(100));

/**
 * The Comune di Valdoria's positions as its acts state them (issue 13): an IMU accertamento esecutivo
 * (tax, sanctions by the violation's date, interest liquidated in the act at the legal rate plus the
 * comune's point, notification costs, with their F24 codes); a TARI avviso bonario (TARI and the
 * provincial TEFA) or accertamento (the same plus sanctions, interest and notification); a CUP notice;
 * a CdS verbale (the fine and its notification costs, no interest). Each has a pagoPA notice code. The
 * generator's amount is the tax (or fine); the position's amount is the sum of its components. Taxes
 * run at the legal rate plus the comune's point from the act's due date — never the commercial rate,
 * never the art. 1284 c.4 switch. Mutates the data set.
 */
export function municipalActs(data: DemoDataSet, book: RateBook): void {
  oldTariNeverAssessed(data);
  let serial = 0;
  data.claims.forEach((c, i) => {
    if (c.creditor !== 'comune') return;
    serial++;
    c.noticeCode = noticeCodeAux3(SEGREGATION, String(1_000_000 + i).padStart(13, '0'));
    c.judicialClaimDate = null;
    const taxDue = `${c.taxYear ?? Number(c.dueDate.slice(0, 4))}-12-16`;
    const accertamento = (components: DemoComponent[], taxCents: number, interestCode: string | null, sanctionCode: string | null) => {
      const violation = taxDue;
      const sanction = Math.round((taxCents * Number(sanctionRate(OMITTED_PAYMENT_SANCTIONS, violation))) / 100);
      const interest = cents(localTaxInterest(book, { amount: ofCents(taxCents), due: violation, until: c.issueDate, points: VALDORIA_POINTS }).interest);
      components.push({ kind: 'sanctions', cents: sanction, tributeCode: sanctionCode });
      if (interest > 0) components.push({ kind: 'act_interest', cents: interest, tributeCode: interestCode });
      components.push({ kind: 'notification_costs', cents: NOTIFICATION_CENTS, tributeCode: null });
      // Notified on the day of issue; an enforcement title 60 days later, its due date (art. 1 c. 792 L. 160/2019).
      return { notifiedOn: c.issueDate, enforceableOn: c.dueDate };
    };
    const components: DemoComponent[] = [];
    let act: DemoAct;
    switch (c.kind) {
      case 'imu': {
        const code = /area fabbricabile/.test(c.description) ? '3916' : /cat\. D/.test(c.description) ? '3930' : '3918';
        components.push({ kind: 'tax', cents: c.principalCents, tributeCode: code });
        act = { kind: 'accertamento_esecutivo', number: `ACC-IMU-${c.taxYear}-${String(serial).padStart(5, '0')}`, date: c.issueDate, ...accertamento(components, c.principalCents, '3923', '3924') };
        break;
      }
      case 'tari': {
        const tefa = Math.round(c.principalCents * 0.05);
        const separate = (c.taxYear ?? 0) >= 2021;
        components.push({ kind: 'tax', cents: c.principalCents, tributeCode: '3944' });
        components.push({ kind: 'tax', cents: tefa, tributeCode: separate ? 'TEFA' : '3944' });
        if (/accertamento/.test(c.description)) {
          act = {
            kind: 'accertamento_esecutivo',
            number: `ACC-TARI-${c.taxYear}-${String(serial).padStart(5, '0')}`,
            date: c.issueDate,
            ...accertamento(components, c.principalCents + tefa, '3945', '3946'),
          };
        } else {
          act = { kind: 'bonario', number: `AVV-TARI-${c.taxYear}-${String(serial).padStart(5, '0')}`, date: c.issueDate, notifiedOn: null, enforceableOn: null };
        }
        break;
      }
      case 'cup':
        components.push({ kind: 'tax', cents: c.principalCents, tributeCode: null });
        act = { kind: 'cup_notice', number: `CUP-${c.taxYear}-${String(serial).padStart(5, '0')}`, date: c.issueDate, notifiedOn: null, enforceableOn: null };
        break;
      default: {
        // A CdS fine: the sanction and what its notification cost (the generator added it to the fine).
        const notification = [1260, 1480, 1850].find((n) => c.principalCents - n > 0 && (c.principalCents - n) % 100 === 0) ?? 0;
        components.push({ kind: 'sanctions', cents: c.principalCents - notification, tributeCode: null });
        if (notification) components.push({ kind: 'notification_costs', cents: notification, tributeCode: null });
        const number = /^Verbale n\. (\S+)/.exec(c.description)?.[1] ?? String(serial);
        act = { kind: 'verbale_cds', number, date: c.issueDate, notifiedOn: c.issueDate, enforceableOn: addDays(c.issueDate, 60) };
        c.interestRegime = 'none';
      }
    }
    c.components = components;
    c.act = act;
    c.principalCents = components.reduce((s, k) => s + k.cents, 0);
    if (c.kind === 'imu' || c.kind === 'tari') {
      c.interestRegime = 'spread';
      c.interestBase = 'it-legal';
      c.interestSpread = VALDORIA_POINTS;
    }
  });
}

/**
 * One TARI reminder (avviso di pagamento) the comune never followed with an assessment, seven years
 * before the position's own year: the comune's power to assess it lapsed on 1 January of the sixth
 * year after its payment year (art. 1 c. 161 L. 296/2006, src/domain/municipal/terms.ts), so the
 * run never reminds nor calls it and the comune's review list of lapsed positions is not empty. The
 * first open, unpaid ordinary TARI position of the data set becomes that one (reference, description
 * and dates moved to the old year; another is taken if its reference is already used).
 */
function oldTariNeverAssessed(data: DemoDataSet): void {
  const refs = new Set(data.claims.map((c) => `${c.creditor}|${c.externalRef}`));
  for (const c of data.claims) {
    if (c.creditor !== 'comune' || c.kind !== 'tari' || c.status !== 'open' || c.paidCents !== 0 || !/avviso di pagamento/.test(c.description)) continue;
    const from = c.taxYear!;
    const year = Number(c.dueDate.slice(0, 4)) - 7;
    const ref = c.externalRef.replace(`-${from}-`, `-${year}-`);
    if (ref === c.externalRef || refs.has(`${c.creditor}|${ref}`)) continue;
    c.externalRef = ref;
    c.taxYear = year;
    c.description = c.description.replace(`TARI ${from}`, `TARI ${year}`);
    c.issueDate = `${year}-10-15`;
    c.dueDate = `${year}-12-16`;
    c.nextActionOn = null;
    return;
  }
}

export type { DemoClaim };

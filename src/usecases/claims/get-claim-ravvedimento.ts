import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { conflict, fieldError, invalid, notFound } from '../../domain/errors.ts';
import { isoDate } from '../../domain/fields.ts';
import { InterestInputError } from '../../domain/interest/compute.ts';
import { dateParam, DEFAULT_LOCALE, type Locale, type Message, msg, translate } from '../../domain/messages/index.ts';
import { money, sumMoney, toMoneyString } from '../../domain/money.ts';
import { MUNICIPAL_TAX_KINDS } from '../../domain/model.ts';
import { collectionCharges } from '../../domain/municipal/charges.ts';
import { f24Lines } from '../../domain/municipal/f24.ts';
import { MunicipalInputError } from '../../domain/municipal/result.ts';
import { validateRevenueRules, type RevenueRules } from '../../domain/municipal/revenue-rules.ts';
import { ravvedimentoVersusAssessment } from '../../domain/municipal/sanctions.ts';
import type { Actor } from '../../domain/policies.ts';
import { currentRateBook } from '../interest/rate-book.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadClaim } from '../shared/scope.ts';

export const ClaimRavvedimentoQuery = z.object({
  /** The day the taxpayer would pay (default: today). */
  payOn: isoDate.optional(),
});

const Period = z.object({ from: z.string(), to: z.string(), days: z.number(), rate: z.string(), principal: z.string(), amount: z.string() });
const ChargesView = z.object({ amount: z.string(), band: z.enum(['none', 'early', 'late']), capped: z.boolean(), base: z.string(), earlyUntil: z.string().nullable(), reason: z.string() });

export const ClaimRavvedimentoView = z.object({
  claimId: z.uuid(),
  payOn: z.string(),
  /** The last day to pay: the violation's date. */
  dueDate: z.string(),
  /** The unpaid tax the comparison is on (the position's tax components still due). */
  tax: z.string(),
  ravvedimento: z.object({
    daysLate: z.number(),
    sanctionRate: z.string(),
    fraction: z.string().nullable(),
    /** The letter of art. 13 c. 1 D.Lgs. 472/1997 ("a", "a-bis", "b" …). */
    letter: z.string().nullable(),
    reducedRate: z.string(),
    sanction: z.string(),
    interest: z.string(),
    interestPeriods: z.array(Period),
    tax: z.string(),
    total: z.string(),
    reasons: z.array(z.string()),
    /** The F24 lines (section EL) for paying with ravvedimento; null when they cannot be made (see f24Problem). */
    f24: z
      .array(
        z.object({
          cadastralCode: z.string(),
          tributeCode: z.string(),
          year: z.string(),
          amount: z.string(),
          reconsideration: z.boolean(),
        }),
      )
      .nullable(),
    f24Problem: z.string().nullable(),
  }),
  assessment: z.object({
    tax: z.string(),
    sanctionRate: z.string(),
    sanction: z.string(),
    /** The comune's points over the legal rate. */
    interestPoints: z.string(),
    interest: z.string(),
    interestPeriods: z.array(Period),
    /** Before enforceability: none. */
    charges: ChargesView,
    total: z.string(),
    /** The c.803 charges if the assessment were still unpaid more than `withinDays` days after it became enforceable. */
    chargesIfUnpaid: ChargesView,
    totalIfUnpaid: z.string(),
    reasons: z.array(z.string()),
  }),
  /** What paying with ravvedimento on `payOn` saves against the assessment. */
  saving: z.string(),
});
export type ClaimRavvedimentoView = z.infer<typeof ClaimRavvedimentoView>;

/**
 * For a comune's tax position not yet assessed (the bonario stage: a reminder, or no act yet), what
 * paying on `payOn` costs with ravvedimento operoso (art. 13 D.Lgs. 472/1997: tax + reduced sanction +
 * legal interest) against the avviso di accertamento that would follow (tax + full sanction of art. 13
 * D.Lgs. 471/1997 + legal interest plus the comune's points, art. 1 c. 165 L. 296/2006; c.803 charges
 * once enforceable). The figures come from the domain rules of src/domain/municipal/sanctions.ts with
 * the comune's regulation; every amount comes with its periods and reasons.
 */
export async function getClaimRavvedimento(
  db: Db,
  actor: Actor,
  id: string,
  query: z.input<typeof ClaimRavvedimentoQuery> = {},
  locale: Locale = DEFAULT_LOCALE,
): Promise<ClaimRavvedimentoView> {
  authorize(actor, 'read', 'claim');
  const { payOn: asked } = parseInput(ClaimRavvedimentoQuery, query);
  const claim = await loadClaim(db, actor, id);
  const creditor = await db
    .selectFrom('creditors')
    .select(['kind', 'cadastral_code', 'revenue_rules'])
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', claim.creditor_id)
    .executeTakeFirst();
  if (!creditor) throw notFound('claim');
  // Only a comune's tax (IMU, TARI) at the bonario stage has a ravvedimento to compare.
  if (creditor.kind !== 'public_entity' || !(MUNICIPAL_TAX_KINDS as readonly string[]).includes(claim.kind)) {
    throw notFound(msg('claim.ravvedimento_not_tax'));
  }
  if (claim.act_kind !== null && claim.act_kind !== 'bonario') throw conflict(msg('claim.ravvedimento_assessed'));
  const components = await db
    .selectFrom('claim_components')
    .select(['kind', 'tribute_code', 'amount', 'paid', 'waived'])
    .where('tenant_id', '=', actor.tenantId)
    .where('claim_id', '=', id)
    .orderBy('position')
    .execute();
  // The tax still unpaid: the tax components (a position recorded as a plain amount: its principal).
  const taxParts = components.some((c) => c.kind === 'tax') ? components.filter((c) => c.kind === 'tax') : components.filter((c) => c.kind === 'principal');
  const dueOf = (c: (typeof components)[number]) => money(c.amount).minus(c.paid).minus(c.waived);
  const tax = toMoneyString(sumMoney(taxParts.map(dueOf)));
  if (money(tax).lte(0)) throw conflict(msg('claim.ravvedimento_nothing_due'));
  const payOn = asked ?? today().toString();
  if (payOn <= claim.due_date) throw conflict(msg('claim.ravvedimento_not_late', { due: dateParam(claim.due_date) }));

  const parsed = validateRevenueRules(creditor.revenue_rules ?? {});
  if (!parsed.ok) throw conflict(msg('claim.ravvedimento_rules_invalid'));
  const rules = parsed.rules;
  const word = (m: Message) => translate(m, locale);
  try {
    const book = await currentRateBook(db);
    const cmp = ravvedimentoVersusAssessment(rules, book, { tax, dueDate: claim.due_date, payOn, assessment: { asOf: payOn, enforceableOn: null } });
    const r = cmp.ravvedimento;
    const a = cmp.assessment;
    // After enforceability, unpaid beyond the early band: the late band of c.803 on the same base.
    const enforceable = Temporal.PlainDate.from(payOn);
    const chargesIfUnpaid = collectionCharges(rules.collectionCharges, {
      enforceableOn: enforceable.toString(),
      paidOn: enforceable.add({ days: rules.collectionCharges.withinDays + 1 }).toString(),
      base: a.charges.base,
    });
    const letter = r.fraction === null ? null : letterOf(rules, claim.due_date, r.fraction);
    // F24 for the ravvedimento: one line per tax code, tax + sanction + interest, "Ravv." ticked.
    let f24: ClaimRavvedimentoView['ravvedimento']['f24'] = null;
    let f24Problem: string | null = null;
    if (!creditor.cadastral_code) f24Problem = word(msg('claim.ravvedimento_no_cadastral_code'));
    else if (claim.tax_year === null) f24Problem = word(msg('claim.ravvedimento_no_tax_year'));
    else {
      // The sanction and interest follow the tax's share of each component (one tax code in practice).
      const lines = f24Lines({
        cadastralCode: creditor.cadastral_code,
        year: claim.tax_year,
        revenue: claim.kind as 'imu' | 'tari',
        ravvedimento: true,
        components: [
          ...taxParts.map((c) => ({ kind: 'tax' as const, amount: toMoneyString(dueOf(c)), tributeCode: c.tribute_code })),
          { kind: 'sanctions' as const, amount: r.sanction },
          { kind: 'accrued_interest' as const, amount: r.interest },
        ],
      });
      if (lines.ok) {
        f24 = lines.value.map((l) => ({
          cadastralCode: l.cadastralCode,
          tributeCode: l.tributeCode,
          year: l.year,
          amount: toMoneyString(money(l.debitCents).dividedBy(100)),
          reconsideration: l.reconsideration,
        }));
      } else f24Problem = word(lines.problem);
    }
    const ch = (c: typeof a.charges) => ({ amount: c.amount, band: c.band, capped: c.capped, base: c.base, earlyUntil: c.earlyUntil, reason: word(c.reason) });
    return {
      claimId: claim.id,
      payOn,
      dueDate: claim.due_date,
      tax,
      ravvedimento: {
        daysLate: r.daysLate,
        sanctionRate: r.sanctionRate,
        fraction: r.fraction,
        letter,
        reducedRate: r.reducedRate,
        sanction: r.sanction,
        interest: r.interest,
        interestPeriods: r.interestPeriods,
        tax: r.tax,
        total: r.total,
        reasons: r.reasons.map(word),
        f24,
        f24Problem,
      },
      assessment: {
        tax: a.tax,
        sanctionRate: a.sanctionRate,
        sanction: a.sanction,
        interestPoints: rules.interestPoints,
        interest: a.interest,
        interestPeriods: a.interestPeriods,
        charges: ch(a.charges),
        total: a.total,
        chargesIfUnpaid: ch(chargesIfUnpaid),
        totalIfUnpaid: toMoneyString(money(a.total).plus(chargesIfUnpaid.amount)),
        reasons: a.reasons.map(word),
      },
      saving: cmp.saving,
    };
  } catch (err) {
    if (err instanceof MunicipalInputError) throw invalid([fieldError(err.field, err.msg.code, err.msg.params)], err.msg);
    if (err instanceof InterestInputError) throw invalid([fieldError('payOn', err.msg.code, err.msg.params)], err.msg);
    throw err;
  }
}

/** The letter of the ravvedimento step applied (the domain answers its fraction; the regime has the letter). */
function letterOf(rules: Pick<RevenueRules, 'sanctions'>, due: string, fraction: string): string | null {
  const regime = rules.sanctions.regimes.find((g) => g.from <= due && (g.to === null || due <= g.to));
  const denominator = Number(fraction.split('/')[1]);
  return regime?.ravvedimento.find((s) => s.denominator === denominator)?.letter ?? null;
}

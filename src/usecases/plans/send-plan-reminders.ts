import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Trx } from '../../db/connect.ts';
import { uuid7 } from '../../db/uuid7.ts';
import { nowInstant, parseDate, today } from '../../domain/dates.ts';
import { checkWrittenContact, chooseChannel, debtorProtection, type ContactOption, type Step } from '../../domain/dunning/index.ts';
import { messageOf, msg, translate, type Message } from '../../domain/messages/index.ts';
import { formatMoneyText } from '../../domain/money-format.ts';
import type { ContactChannel, ContactStatus, Currency } from '../../domain/model.ts';
import { fillInstalments } from '../../domain/plans/lapse.ts';
import { remindersDue, type DueReminder } from '../../domain/plans/reminders.ts';
import { PLAN_INSTALMENT_REFERENCE_PREFIX, claimReferences } from '../../domain/dunning/references.ts';
import { comuneName } from '../../domain/municipal/comune-name.ts';
import { pagopaQrPayload } from '../../domain/municipal/pagopa.ts';
import { pagopaSettingsSchema } from '../../domain/municipal/settings.ts';
import { systemActor } from '../../domain/policies.ts';
import { checkLetterPayment, renderEmail, type LetterInput, type LetterPagopa, type LetterPosition } from '../../integrations/letters/index.ts';
import { longDate } from '../../integrations/letters/format.ts';
import { balanceOf, loadLedgers } from '../claims/ledger.ts';
import type { DebtorPlan, PlannedClaim } from '../dunning/decide.ts';
import { buildLetter } from '../dunning/letter-input.ts';
import { loadDebtorContexts, type DebtorContext } from '../dunning/load-context.ts';
import { isComune } from '../dunning/municipal-letter.ts';
import { currentRateBook } from '../interest/rate-book.ts';
import { recordAudit } from '../shared/audit.ts';
import { complianceRulesOf } from '../shared/compliance-rules.ts';
import { planFill } from './plan-fill.ts';
import { bookPlanReminder } from './record-plan-reminder.ts';
import { rulesOfPlan } from './scope.ts';

export interface PlanRemindersResult {
  courtesy: number;
  express: number;
  /** Reminders that could not go today (no usable channel, a contact rule): tried again on the next run. */
  blocked: number;
  /** Plans whose reminders failed (bad data the letter cannot carry), with why. */
  failed: { planId: string; message: Message }[];
}

/** Days the debtor has to pay a missed instalment after the express reminder (as a soft dunning step: UNVERIFIED, practice). */
const EXPRESS_PAY_WITHIN = 10;

/** A written channel first by e-mail, else by post: the channels of a soft dunning step. */
const CHANNELS: Step['channels'] = ['email', 'letter'];

/**
 * Reminders per instalment of every running plan (issue 15 item 1), every tenant, as of `date`: a
 * courtesy reminder before the due date and the express reminder (sollecito) after an unpaid one, on
 * the days the plan's rules say (domain/plans/reminders.ts). Each goes the way a dunning message goes:
 * by e-mail through the outbox when the debtor has a usable address of its own, else a letter to the
 * print queue (rendered by the letters job); never to an invalid, opted-out or third party's contact,
 * and only when the contact rules allow writing today (quiet hours, messages per week) — otherwise it is
 * tried again on the next run. Exactly once per instalment and kind: the plan is locked and the
 * instalment marked (`courtesy_on`; `reminded_on` through `bookPlanReminder`, which the c.800 lapse
 * counts) in the transaction that writes the communication and its outbox row, so a second run, or
 * one after a crash, sends nothing twice. Run daily by the `plan-reminders` job.
 */
export async function sendPlanReminders(db: Db, opts: { date?: string; time?: string; tenantId?: string } = {}): Promise<PlanRemindersResult> {
  const date = opts.date ?? today().toString();
  const time = opts.time ?? localTimeFor(date);
  const out: PlanRemindersResult = { courtesy: 0, express: 0, blocked: 0, failed: [] };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    // A page of running plans judged in memory; only those with a reminder due get a transaction.
    const page = await db
      .selectFrom('plans as p')
      .select(['p.id', 'p.tenant_id', 'p.rules'])
      .select((eb) =>
        eb
          .selectFrom('payment_allocations as a')
          .innerJoin('payments as y', (j) => j.onRef('y.id', '=', 'a.payment_id').onRef('y.tenant_id', '=', 'a.tenant_id'))
          .select(sql<string>`round(coalesce(sum(a.amount), 0), 2)::text`.as('x'))
          .whereRef('a.tenant_id', '=', 'p.tenant_id')
          .where(sql<boolean>`a.claim_id = any(p.claim_ids)`)
          .whereRef('y.value_date', '>=', 'p.started_on')
          .where('y.reversed_at', 'is', null)
          .as('now_paid'),
      )
      .where('p.state', '=', 'active')
      .where('p.id', '>', after)
      .$if(opts.tenantId !== undefined, (q) => q.where('p.tenant_id', '=', opts.tenantId!))
      .orderBy('p.id')
      .limit(1000)
      .execute();
    if (page.length === 0) break;
    after = page[page.length - 1]!.id;
    const rows = await db.selectFrom('plan_instalments').selectAll().where('plan_id', 'in', page.map((p) => p.id)).orderBy('plan_id').orderBy('number').execute();
    const byPlan = new Map<string, typeof rows>();
    for (const r of rows) byPlan.set(r.plan_id, [...(byPlan.get(r.plan_id) ?? []), r]);
    for (const p of page) {
      if (dueOn(rulesOfPlan(p), byPlan.get(p.id) ?? [], p.now_paid ?? '0.00', date).length === 0) continue;
      try {
        const r = await db.transaction().execute((trx) => remindPlan(trx, p.tenant_id, p.id, date, time));
        out.courtesy += r.courtesy;
        out.express += r.express;
        out.blocked += r.blocked;
      } catch (err) {
        out.failed.push({ planId: p.id, message: messageOf(err) });
      }
    }
  }
  return out;
}

type InstalmentRow = { number: number; due_on: string; amount: string; courtesy_on: string | null; reminded_on: string | null };

function dueOn(rules: ReturnType<typeof rulesOfPlan>, rows: readonly InstalmentRow[], paid: string, date: string): DueReminder[] {
  const statuses = fillInstalments(rows.map((r) => ({ number: r.number, dueOn: r.due_on, amount: r.amount })), paid, date);
  return remindersDue(
    rules.reminders,
    statuses.map((s, i) => ({ ...s, courtesyOn: rows[i]!.courtesy_on, remindedOn: rows[i]!.reminded_on })),
    date,
  );
}

/** One plan's due reminders, on a transaction the caller holds: decided again under the plan's lock. */
async function remindPlan(trx: Trx, tenantId: string, planId: string, date: string, time: string): Promise<{ courtesy: number; express: number; blocked: number }> {
  const actor = systemActor(tenantId, 'plan-reminders');
  const done = { courtesy: 0, express: 0, blocked: 0 };
  const head = await trx.selectFrom('plans').select(['debtor_id', 'creditor_id']).where('tenant_id', '=', tenantId).where('id', '=', planId).executeTakeFirstOrThrow();
  // The debtor's claims are locked first, in the order a payment or a reversal locks them, then the plan.
  const ctx = (await loadDebtorContexts(trx, actor, [head.debtor_id], date, head.creditor_id)).get(head.debtor_id);
  const plan = await trx.selectFrom('plans').selectAll().where('tenant_id', '=', tenantId).where('id', '=', planId).forUpdate().executeTakeFirst();
  if (!ctx || !plan || plan.state !== 'active') return done;
  const rules = rulesOfPlan(plan);
  const fill = await planFill(trx, plan, date);
  const due = dueOn(rules, fill.rows, fill.paid, date);
  if (due.length === 0) return done;
  // A deceased debtor, a ceased business, a reported hardship: no reminder, as no dunning step (a person decides).
  if (debtorProtection(ctx.debtor)) {
    done.blocked += due.length;
    return done;
  }

  const book = await currentRateBook(trx);
  const claimRows = ctx.claims.filter((c) => plan.claim_ids.includes(c.id));
  if (claimRows.length === 0) return done;
  const ledgers = await loadLedgers(trx, actor, claimRows.map((c) => c.id));
  const creditor = ctx.creditors.get(plan.creditor_id)!;
  const contacts: (ContactOption & { id: string })[] = ctx.contacts.map((c) => ({
    id: c.id,
    channel: c.channel as ContactChannel,
    value: c.value,
    status: c.status as ContactStatus,
    optedOut: c.consent === 'withdrawn',
    thirdParty: c.third_party,
  }));
  const written = ctx.contactLog.filter((l) => l.kind === 'written' && l.allowed).map((l) => ({ date: l.local_date, channel: l.channel as 'email' | 'pec' | 'letter' | 'registered_letter' | 'sms' }));
  const rulesOfContact = complianceRulesOf(ctx.tenant.settings);

  for (const r of due) {
    const step: Step = {
      key: r.kind === 'courtesy' ? 'plan-courtesy' : 'plan-express',
      tier: r.kind === 'courtesy' ? 'soft' : 'formal',
      delayDays: 0,
      delayFrom: 'due',
      channels: CHANNELS,
      // Only the template's salutation and closing are kept: the words are the plan reminder's own.
      template: isComune(creditor) ? 'comune-sollecito' : 'soft-reminder',
      conditions: {},
      fee: 'none',
      interest: 'none',
    };
    const choice = chooseChannel(step, contacts, ctx.address !== null, { unavailable: ['sms'] });
    if ('blocked' in choice) {
      done.blocked++;
      continue;
    }
    const channel = choice.channel as 'email' | 'letter';
    const check = checkWrittenContact(rulesOfContact, channel, { date, time }, written);
    if (!check.allowed) {
      done.blocked++;
      continue;
    }
    const contact = choice.contact as (ContactOption & { id: string }) | null;
    const recipient = contact ? contact.value : postalLine(ctx);
    const planned: PlannedClaim[] = claimRows.map((c) => ({ claimId: c.id, reference: c.external_ref, refNo: c.ref_no, stepNo: 1, stepKey: step.key, step, received: 0, nextOn: null }));
    const debtorPlan: DebtorPlan = {
      creditorId: plan.creditor_id,
      audience: 'debtor',
      step,
      stepNo: r.kind === 'courtesy' ? 1 : 2,
      currency: plan.currency as Currency,
      channel: { channel, contactId: contact?.id ?? null, recipient },
      blocked: null,
      leadClaimId: claimRows[0]!.id,
      claims: planned,
    };
    const refNo = (await sql<{ n: string }>`select nextval('communication_ref_no')::text as n`.execute(trx)).rows[0]!.n;
    const id = uuid7();
    const letter = buildLetter({
      ctx,
      plan: debtorPlan,
      book,
      date,
      interest: 'none',
      claims: planned.map((claim) => {
        const ledger = ledgers.get(claim.claimId)!;
        return { claim, row: claimRows.find((c) => c.id === claim.claimId)!, ledger, balance: balanceOf(book, ledger, date) };
      }),
      communicationRefNo: refNo,
      documentId: `C-${refNo}`,
    });
    // The slip names this instalment (its own RF / QR reference, as on the plan's document): the bank import
    // pays the plan's positions with it, whichever of them the letter lists.
    const instalment = fill.rows.find((x) => x.number === r.number)!;
    const refs = claimReferences(instalment.ref_no, PLAN_INSTALMENT_REFERENCE_PREFIX);
    const reference = letter.payment.referenceType === 'QRR' ? refs.qrr : letter.payment.referenceType === 'SCOR' ? refs.rf : null;
    const reminder = reminderLetter({ ...letter, payment: { ...letter.payment, reference } }, r, { date, lapse: rules.lapse, comune: isComune(creditor) });
    // A comune's positions each carry their own pagoPA notice (and F24) for the whole position: the
    // reminder asks for the instalment instead, through the instalment's own notice and for what is
    // missing of it — or, when the comune supplies its notices, through the one that follows.
    if (reminder.municipal) reminder.municipal = { ...reminder.municipal, positions: instalmentNotice(reminder.municipal.positions, creditor, instalment.notice_code, reminder.payment) };
    checkLetterPayment(reminder);
    const isEmail = channel === 'email';
    const email = isEmail ? renderEmail(reminder) : null;
    await trx
      .insertInto('communications')
      .values({
        id,
        tenant_id: tenantId,
        debtor_id: plan.debtor_id,
        creditor_id: plan.creditor_id,
        ref_no: refNo,
        run_date: date,
        step_no: debtorPlan.stepNo,
        step_key: step.key,
        tier: step.tier,
        channel,
        contact_id: contact?.id ?? null,
        recipient,
        language: reminder.language,
        subject: reminder.subject,
        currency: plan.currency as Currency,
        amount: r.missing,
        fees: '0.00',
        postage: '0.00',
        payment_reference: reminder.payment.reference,
        status: isEmail ? 'queued' : 'to_print',
        body_text: email?.text ?? null,
        body_html: email?.html ?? null,
        pdf: null,
        sha256: email ? createHash('sha256').update(email.html, 'utf8').digest('hex') : null,
        message_id: isEmail ? `<${id}@incasso>` : null,
        letter: isEmail ? null : JSON.stringify(reminder),
        created_by: null,
      })
      .execute();
    if (isEmail) await trx.insertInto('outbox').values({ tenant_id: tenantId, communication_id: id }).execute();
    await trx
      .insertInto('contact_log')
      .values({ tenant_id: tenantId, debtor_id: plan.debtor_id, communication_id: id, channel, kind: 'written', contact_id: contact?.id ?? null, local_date: date, local_time: time, allowed: true, actor_label: actor.label })
      .execute();
    written.push({ date, channel });
    await recordAudit(trx, actor, {
      action: 'communication.created',
      entityType: 'communication',
      entityId: id,
      debtorId: plan.debtor_id,
      creditorId: plan.creditor_id,
      after: { step: step.key, tier: step.tier, channel, recipient, planId: plan.id, instalment: r.number, dueOn: r.dueOn, amount: r.missing, currency: plan.currency },
    });
    if (r.kind === 'courtesy') {
      await trx.updateTable('plan_instalments').set({ courtesy_on: date }).where('tenant_id', '=', tenantId).where('plan_id', '=', plan.id).where('number', '=', r.number).execute();
      done.courtesy++;
    } else {
      // The express reminder the c.800 lapse counts, recorded with the message that carries it.
      await bookPlanReminder(trx, actor, plan.id, { number: r.number, sentOn: date }, { today: date });
      done.express++;
    }
  }
  return done;
}

/**
 * The plan reminder's words over the letter the dunning machinery built (sender, recipient, the
 * creditor's payment details and reference, the positions): subject and text of the reminder in the
 * debtor's language, the instalment's amount still missing and its day to pay; an express reminder
 * says what its lapse means (c.800 for a comune).
 */
function reminderLetter(letter: LetterInput, r: DueReminder, o: { date: string; lapse: { missed: number; withinMonths: number; afterReminder: boolean }; comune: boolean }): LetterInput {
  const lang = letter.language;
  const payBy = r.kind === 'courtesy' ? r.dueOn : parseDate(o.date).add({ days: EXPRESS_PAY_WITHIN }).toString();
  const params = { number: r.number, dueOn: longDate(r.dueOn, lang), amount: formatMoneyText(r.missing, letter.currency, lang), payBy: longDate(payBy, lang) };
  const express = r.kind === 'express';
  return {
    ...letter,
    tier: express ? 'formal' : 'soft',
    subject: translate(msg(express ? 'plans.reminder_express_subject' : 'plans.reminder_courtesy_subject', params), lang),
    paragraphs: [translate(msg(express ? 'plans.reminder_express_text' : 'plans.reminder_courtesy_text', params), lang)],
    legalNotice: express ? [translate(msg('plans.reminder_express_lapse', { missed: o.lapse.missed, months: o.lapse.withinMonths, law: o.comune ? ' (art. 1 c.800 L. 160/2019)' : '' }), lang)] : [],
    interestMode: 'none',
    payment: { ...letter.payment, amount: r.missing, payBy },
  };
}

function instalmentNotice(
  positions: LetterPosition[],
  creditor: { name: string; tax_code: string | null; pagopa: unknown },
  noticeCode: string | null,
  payment: { amount: string; payBy: string },
): LetterPosition[] {
  const cfEnte = creditor.tax_code?.trim() ?? '';
  const settings = pagopaSettingsSchema.safeParse(creditor.pagopa);
  const pagopa: LetterPagopa | null =
    noticeCode && cfEnte
      ? {
          entity: comuneName(creditor.name),
          cfEnte,
          noticeCode,
          amount: payment.amount,
          payBy: payment.payBy,
          cbill: settings.success ? (settings.data.cbill ?? null) : null,
          qrPayload: pagopaQrPayload(noticeCode, cfEnte, payment.amount),
        }
      : null;
  // One notice for the instalment, on the first position; no F24 (it would pay the whole positions).
  return positions.map((p, i) => ({ ...p, pagopa: i === 0 ? pagopa : null, f24: null }));
}

function postalLine(ctx: DebtorContext): string {
  const a = ctx.address!;
  return [a.line1, a.line2, [a.postal_code, a.city, a.province].filter(Boolean).join(' '), a.country !== 'IT' ? a.country : null].filter(Boolean).join(', ');
}

/** Now in Europe/Rome (HH:MM) when the run is for today; 09:00 otherwise (as the dunning run). */
function localTimeFor(date: string): string {
  const now = nowInstant().toZonedDateTimeISO('Europe/Rome');
  if (now.toPlainDate().toString() !== date) return '09:00';
  return now.toPlainTime().toString().slice(0, 5);
}


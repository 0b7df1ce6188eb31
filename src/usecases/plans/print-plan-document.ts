import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { isQRIBAN } from 'swissqrbill/utils';
import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { PLAN_INSTALMENT_REFERENCE_PREFIX, claimReferences, formatQrr, formatRf } from '../../domain/dunning/references.ts';
import { conflict, fieldError, invalid } from '../../domain/errors.ts';
import { DEFAULT_LOCALE, encodeMessage, msg, type Locale } from '../../domain/messages/index.ts';
import { trimRate } from '../../domain/interest/rate-table.ts';
import { money, toMoneyString } from '../../domain/money.ts';
import { comuneName } from '../../domain/municipal/comune-name.ts';
import { pagopaQrPayload, printedNotice } from '../../domain/municipal/pagopa.ts';
import { pagopaSettingsSchema } from '../../domain/municipal/settings.ts';
import { properCaseName } from '../../domain/names.ts';
import type { Actor } from '../../domain/policies.ts';
import { validateIban } from '../../domain/tax-ids.ts';
import { LetterPaymentError, type LetterInput, type LetterParty, type LetterPayment } from '../../integrations/letters/index.ts';
import { renderPlanDocumentPdf, type PlanDocumentInput, type PlanSlip } from '../../integrations/pdf/plan-document-pdf.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { creditorSender } from '../shared/letter-sender.ts';
import { issueInstalmentNotices } from './instalment-references.ts';
import { PlanDocumentQuery } from './schema.ts';
import { loadPlan, rulesOfPlan } from './scope.ts';

export interface PlanDocument {
  fileName: string;
  pdf: Buffer;
  language: Locale;
}

/**
 * The accepted plan as a document (issue 15 item 1): a PDF in the debtor's language (or the one
 * asked for) with creditor and debtor, the positions and their amounts, the schedule, the lapse rules
 * and a payment slip per instalment still to pay — a pagoPA notice with its own codice avviso for a
 * comune that generates its notices, a Swiss QR-bill in CHF, otherwise IBAN + the instalment's RF
 * reference (prefix 3: a bank credit naming it pays the plan's positions, src/domain/bank/clues.ts).
 * A proposal prints as a draft without slips, a lapsed or paid plan without slips; a rejected or
 * cancelled one has no document (409). The actor sees the plan (another tenant's, or a viewer's other
 * creditors': 404). A running plan's instalments still without a notice code get one first (a plan
 * older than migration 0030, an extension's new instalments); the document printed is audited with
 * its SHA-256.
 */
export async function printPlanDocument(db: Db, actor: Actor, id: string, input: z.input<typeof PlanDocumentQuery> = {}, locale: Locale = DEFAULT_LOCALE): Promise<PlanDocument> {
  const data = parseInput(PlanDocumentQuery, input);
  const facts = await db.transaction().execute(async (trx) => {
    const plan = await loadPlan(trx, actor, id, { forUpdate: true });
    authorize(actor, 'read', 'claim');
    if (plan.state === 'rejected' || plan.state === 'cancelled') throw conflict(msg('plans.document_unavailable', { state: plan.state }));
    if (plan.state === 'active') await issueInstalmentNotices(trx, actor.tenantId, plan.id);
    const creditor = await trx.selectFrom('creditors').selectAll().where('tenant_id', '=', actor.tenantId).where('id', '=', plan.creditor_id).executeTakeFirstOrThrow();
    const debtor = await trx.selectFrom('debtors').select(['display_name', 'tax_code', 'language']).where('tenant_id', '=', actor.tenantId).where('id', '=', plan.debtor_id).executeTakeFirstOrThrow();
    const todayIso = today().toString();
    const address = await trx
      .selectFrom('addresses')
      .select(['line1', 'line2', 'postal_code', 'city', 'province', 'country'])
      .where('tenant_id', '=', actor.tenantId)
      .where('debtor_id', '=', plan.debtor_id)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', todayIso)]))
      .orderBy(sql`case kind when 'domicile' then 0 when 'residence' then 1 when 'registered_office' then 2 when 'billing' then 3 else 4 end`)
      .orderBy('created_at')
      .executeTakeFirst();
    const claims = await trx
      .selectFrom('claims as c')
      .innerJoin('claim_balances as b', 'b.claim_id', 'c.id')
      .select(['c.id', 'c.external_ref', 'c.description', 'b.total_due'])
      .where('c.tenant_id', '=', actor.tenantId)
      .where('c.id', 'in', plan.claim_ids)
      .orderBy('c.due_date')
      .orderBy('c.external_ref')
      .execute();
    // Plans made before migration 0030 did not keep each position's amount: what it owes now plus what it received since the plan began.
    const since = plan.claim_amounts
      ? []
      : await trx
          .selectFrom('payment_allocations as a')
          .innerJoin('payments as y', (j) => j.onRef('y.id', '=', 'a.payment_id').onRef('y.tenant_id', '=', 'a.tenant_id'))
          .select(['a.claim_id', sql<string>`round(sum(a.amount), 2)::text`.as('paid')])
          .where('a.tenant_id', '=', actor.tenantId)
          .where('a.claim_id', 'in', plan.claim_ids)
          .where('y.value_date', '>=', plan.started_on)
          .where('y.reversed_at', 'is', null)
          .groupBy('a.claim_id')
          .execute();
    const instalments = await trx.selectFrom('plan_instalments').selectAll().where('tenant_id', '=', actor.tenantId).where('plan_id', '=', plan.id).orderBy('number').execute();
    const tenant = await trx.selectFrom('tenants').select(['name', 'kind']).where('id', '=', actor.tenantId).executeTakeFirstOrThrow();
    return { plan, creditor, debtor, address, claims, since, instalments, tenant, todayIso };
  });

  const { plan, creditor, debtor, address, claims, since, instalments, tenant, todayIso } = facts;
  const language = data.lang ?? asLocale(debtor.language) ?? locale;
  const comune = creditor.kind === 'public_entity';
  const currency = plan.currency as LetterInput['currency'];
  const { name, lines, country } = creditorSender(creditor, comune ? comuneName(creditor.name) : creditor.name);
  const creditorParty: LetterParty = { name, lines, country };
  const debtorParty: LetterParty = {
    name: properCaseName(debtor.display_name),
    lines: address ? [address.line1, address.line2, [address.postal_code, address.city, address.province].filter(Boolean).join(' ')].filter((x): x is string => Boolean(x && x.trim())) : [],
    country: address?.country ?? 'IT',
  };
  const stored = plan.claim_amounts;
  const positions = claims.map((c) => ({
    reference: c.external_ref,
    description: c.description,
    amount: stored?.[c.id] ?? (claims.length === 1 ? money(plan.total).minus(plan.interest).toFixed(2) : toMoneyString(money(c.total_due).plus(since.find((s) => s.claim_id === c.id)?.paid ?? '0'))),
  }));
  const messageOf = (n: number) => `${claims.map((c) => c.external_ref).join(', ')} · ${n}/${plan.instalment_count}`.slice(0, 140);

  // How each instalment is paid. The IBAN is checked once, before any slip is laid out.
  const cfEnte = creditor.tax_code?.trim() ?? '';
  const settings = pagopaSettingsSchema.safeParse(creditor.pagopa);
  const iban = (() => {
    const checked = validateIban(creditor.iban ?? '');
    return checked.ok ? checked.value : null;
  })();
  const running = plan.state === 'active';
  const slips = instalments.map((i): { reference: string | null; slip: PlanSlip } => {
    const refs = claimReferences(i.ref_no, PLAN_INSTALMENT_REFERENCE_PREFIX);
    const due = money(i.amount).minus(i.paid);
    const amount = due.toFixed(2);
    const notice = comune && i.notice_code && cfEnte ? i.notice_code : null;
    const qr = currency === 'CHF' && iban !== null && isQRIBAN(iban);
    const reference = notice ? printedNotice(notice) : comune ? null : qr ? formatQrr(refs.qrr) : formatRf(refs.rf);
    if (!running) return { reference: plan.state === 'proposed' ? null : reference, slip: { kind: 'none' } };
    if (!due.gt(0)) return { reference, slip: { kind: 'paid' } };
    if (notice) {
      return {
        reference,
        slip: {
          kind: 'pagopa',
          pagopa: {
            entity: comuneName(creditor.name),
            cfEnte,
            noticeCode: notice,
            amount,
            payBy: i.due_on,
            cbill: settings.success ? (settings.data.cbill ?? null) : null,
            qrPayload: pagopaQrPayload(notice, cfEnte, amount),
          },
        },
      };
    }
    // A citizen pays a comune through pagoPA, never by bank transfer (as its letters): without a
    // notice of its own (the comune supplies its notices, or has no codice fiscale) the notice follows.
    if (comune) return { reference: null, slip: { kind: 'none' } };
    if (iban === null) throw conflict(msg('plans.document_no_iban', { creditor: creditor.name }));
    const payment: LetterPayment = {
      iban,
      payee: creditorParty,
      referenceType: qr ? 'QRR' : 'SCOR',
      reference: qr ? refs.qrr : refs.rf,
      payBy: i.due_on,
      amount,
      message: messageOf(i.number),
    };
    return { reference, slip: currency === 'CHF' ? { kind: 'qr_bill', payment } : { kind: 'transfer', payment } };
  });
  const rules = rulesOfPlan(plan);
  const doc: PlanDocumentInput = {
    language,
    date: todayIso,
    state: plan.state as PlanDocumentInput['state'],
    closedOn: plan.state === 'lapsed' ? plan.lapsed_on : plan.state === 'paid' ? plan.closed_on : null,
    planReference: plan.id.slice(0, 8).toUpperCase(),
    currency,
    creditor: { ...creditorParty, taxCode: creditor.tax_code },
    debtor: { ...debtorParty, taxCode: debtor.tax_code },
    agency: tenant.kind === 'agency' ? tenant.name : null,
    positions,
    total: plan.total,
    instalments: instalments.map((i, k) => ({ number: i.number, dueOn: i.due_on, amount: i.amount, capital: money(i.amount).minus(i.interest).toFixed(2), interest: money(i.interest).toFixed(2), ...slips[k]! })),
    deferral: plan.deferral_rate === null ? null : { rate: trimRate(plan.deferral_rate), capital: money(plan.total).minus(plan.interest).toFixed(2), interest: money(plan.interest).toFixed(2) },
    rules: { comune, missed: rules.lapse.missed, withinMonths: rules.lapse.withinMonths, afterReminder: rules.lapse.afterReminder, extension: rules.extension.allowed && !plan.extension_used },
  };
  let pdf: Buffer;
  try {
    pdf = await renderPlanDocumentPdf(doc);
  } catch (e) {
    if (e instanceof LetterPaymentError) throw invalid([fieldError(e.field, e.msg.code, e.msg.params)], msg('plans.document_not_printable', { problem: encodeMessage(e.msg) }));
    throw e;
  }
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  await recordAudit(db, actor, {
    action: 'plan.document_printed',
    entityType: 'plan',
    entityId: plan.id,
    debtorId: plan.debtor_id,
    creditorId: plan.creditor_id,
    after: { language, state: plan.state, sha256, slips: doc.instalments.filter((i) => !['none', 'paid'].includes(i.slip.kind)).length },
  });
  return { fileName: `piano-${doc.planReference}-${language}.pdf`, pdf, language };
}

const asLocale = (l: string | null | undefined): Locale | null => (l === 'it' || l === 'en' || l === 'de' || l === 'fr' ? l : null);

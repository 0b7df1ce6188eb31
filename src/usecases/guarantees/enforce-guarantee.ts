import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { isQRIBAN } from 'swissqrbill/utils';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { parseDate, today } from '../../domain/dates.ts';
import { claimReferences, CLAIM_REFERENCE_PREFIX } from '../../domain/dunning/references.ts';
import { invalid, unprocessable } from '../../domain/errors.ts';
import { DEFAULT_GUARANTOR_CHANNELS, guarantorChannel, guarantorEmailText, guarantorLetterText, type GuarantorLetterLanguage } from '../../domain/guarantees/letter.ts';
import { demandAmount, enforceProblem } from '../../domain/guarantees/rules.ts';
import { dateParam, encodeMessage, msg } from '../../domain/messages/index.ts';
import { formatMoneyText } from '../../domain/money-format.ts';
import { sumMoney, toMoneyString } from '../../domain/money.ts';
import { OPEN_STATUSES } from '../../domain/model.ts';
import { properCaseName } from '../../domain/names.ts';
import type { Actor } from '../../domain/policies.ts';
import { validateIban } from '../../domain/tax-ids.ts';
import { renderLetterPdf, type LetterClaim, type LetterInput, type LetterParty } from '../../integrations/letters/index.ts';
import { longDate } from '../../integrations/letters/format.ts';
import { diff, recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { agencyLetterhead, creditorSender } from '../shared/letter-sender.ts';
import { checkVersion } from '../shared/present.ts';
import { EnforceGuaranteeInput, type GuaranteeView } from './schema.ts';
import { guaranteeView, loadGuarantee } from './views.ts';

/** Days the guarantor has to pay (as a formal demand: art. 1454 c.c. uses 15). */
export const GUARANTOR_PAY_WITHIN_DAYS = 15;

/**
 * Enforces a guarantee (escussione; issue 17 item 3): the written demand to the guarantor — a letter
 * through the dunning letter machinery (integrations/letters), naming only the guarantee, the principal
 * debtor, the claims it covers, the amount asked (what they still owe, never more than the guaranteed
 * amount) and how to pay — recorded as a communication to the guarantor (`guarantor_letters`, PDF and
 * SHA-256), and the guarantee marked enforced, in one transaction with its audit event. The demand
 * is sent by the guarantor's own contact: to its e-mail address with the PDF attached, through the
 * outbox (the outbox row in the same transaction: deliver-outbox.ts sends it exactly once), or as a
 * registered letter to its postal address, waiting to be printed (`to_print`). A guarantor with neither
 * is refused before anything is written.
 * The button on the guarantee (API) and the strategy step "enforce_guarantee" (act-on-batch.ts) both
 * come here.
 */
export async function enforceGuarantee(db: Db, actor: Actor, id: string, input: z.input<typeof EnforceGuaranteeInput> = {}): Promise<GuaranteeView> {
  await db.transaction().execute((trx) => demandFromGuarantor(trx, actor, id, input));
  return guaranteeView(db, actor, id);
}

/** `enforceGuarantee` on a transaction the caller holds; answers the letter's id. */
export async function demandFromGuarantor(
  trx: Trx,
  actor: Actor,
  id: string,
  input: z.input<typeof EnforceGuaranteeInput> = {},
  opts: {
    today?: string;
    /** The channels to try, in order (a strategy step's); default: e-mail, else a registered letter. */
    channels?: readonly string[];
    /** The strategy step that demands (recorded on the letter); absent: the button. */
    stepKey?: string;
  } = {},
): Promise<string> {
  const data = parseInput(EnforceGuaranteeInput, input);
  const now = opts.today ?? today().toString();
  const g = await loadGuarantee(trx, actor, id, { forUpdate: true });
  authorize(actor, 'create', 'communication');
  checkVersion(g.version, data.version);

  // The claims it covers, open, in its currency, with what they still owe (the stored balances).
  let q = trx
    .selectFrom('claims as c')
    .innerJoin('claim_balances as b', 'b.claim_id', 'c.id')
    .select(['c.id', 'c.external_ref', 'c.description', 'c.issue_date', 'c.due_date', 'c.principal', 'c.principal_paid', 'c.interest_paid', 'c.costs_paid', 'c.ref_no', 'b.interest_due', 'b.costs_due', 'b.total_due'])
    .where('c.tenant_id', '=', actor.tenantId)
    .where('c.debtor_id', '=', g.debtor_id)
    .where('c.creditor_id', '=', g.creditor_id)
    .where('c.currency', '=', g.currency)
    .where('c.status', 'in', OPEN_STATUSES);
  if (g.covers === 'claims') {
    q = q.where('c.id', 'in', (eb) => eb.selectFrom('guarantee_claims').select('claim_id').where('tenant_id', '=', actor.tenantId).where('guarantee_id', '=', g.id));
  }
  const claims = await q.orderBy('c.due_date').orderBy('c.external_ref').execute();
  const demanded = demandAmount(g.amount, claims.map((c) => c.total_due));
  const problem = enforceProblem({ state: g.state, validFrom: g.valid_from, validTo: g.valid_to }, now, demanded);
  if (problem === 'expired') throw invalid([], msg('guarantees.expired', { date: dateParam(g.valid_to!) }));
  if (problem === 'not_yet_valid') throw invalid([], msg('guarantees.not_yet_valid', { date: dateParam(g.valid_from) }));
  if (problem === 'not_active') throw invalid([], msg('guarantees.not_active'));
  if (problem === 'nothing_due') throw invalid([], msg('guarantees.nothing_due'));

  const [creditor, debtor, guarantor, tenant] = await Promise.all([
    trx.selectFrom('creditors').selectAll().where('tenant_id', '=', actor.tenantId).where('id', '=', g.creditor_id).executeTakeFirstOrThrow(),
    trx.selectFrom('debtors').select(['display_name']).where('tenant_id', '=', actor.tenantId).where('id', '=', g.debtor_id).executeTakeFirstOrThrow(),
    trx.selectFrom('guarantors').selectAll().where('tenant_id', '=', actor.tenantId).where('id', '=', g.guarantor_id).executeTakeFirstOrThrow(),
    trx.selectFrom('tenants').select(['settings']).where('id', '=', actor.tenantId).executeTakeFirstOrThrow(),
  ]);
  const channel = guarantorChannel(opts.channels ?? DEFAULT_GUARANTOR_CHANNELS, {
    email: guarantor.email,
    addressLine1: guarantor.address_line1,
    postalCode: guarantor.postal_code,
    city: guarantor.city,
  });
  if (!channel) throw invalid([], msg('guarantees.guarantor_no_contact'));
  const checked = validateIban(creditor.iban ?? '');
  if (!checked.ok) throw unprocessable(msg('letters.creditor_iban', { creditor: creditor.name, problem: encodeMessage(checked.message) }));

  const language = guarantor.language as GuarantorLetterLanguage;
  const currency = g.currency;
  const creditorParty = creditorSender(creditor);
  const letterhead = agencyLetterhead(tenant.settings);
  const sender = letterhead ?? creditorParty;
  const payBy = parseDate(now).add({ days: GUARANTOR_PAY_WITHIN_DAYS }).toString();
  const references = claims.map((c) => c.external_ref);
  const text = guarantorLetterText(
    {
      guarantorName: guarantor.name,
      debtorName: properCaseName(debtor.display_name),
      creditorName: creditor.name,
      kind: g.kind,
      reference: g.reference,
      validFrom: g.valid_from,
      validTo: g.valid_to,
      guaranteed: formatMoneyText(g.amount, currency, language),
      demanded: formatMoneyText(demanded, currency, language),
      references: references.join(', '),
      validFromText: longDate(g.valid_from, language),
      validToText: g.valid_to ? longDate(g.valid_to, language) : null,
      payByText: longDate(payBy, language),
      senderContact: [sender.phone, sender.email].filter(Boolean).join(' · ') || sender.name,
      jurisdiction: (creditor.default_jurisdiction as 'IT' | 'CH' | 'DE' | 'FR') ?? 'IT',
    },
    language,
  );
  // The covered claims only: what each still owes; nothing of the debtor's other claims.
  const rows: LetterClaim[] = claims.map((c) => ({
    reference: c.external_ref,
    description: c.description,
    issueDate: c.issue_date,
    dueDate: c.due_date,
    principal: c.principal,
    interest: c.interest_due,
    costs: c.costs_due,
    paid: toMoneyString(sumMoney([c.principal_paid, c.interest_paid, c.costs_paid])),
    totalDue: c.total_due,
  }));
  const sum = (f: (c: LetterClaim) => string) => toMoneyString(sumMoney(rows.map(f)));
  const recipient: LetterParty = {
    name: guarantor.name,
    lines: [guarantor.address_line1, [guarantor.postal_code, guarantor.city, guarantor.province].filter(Boolean).join(' ')].filter((x): x is string => Boolean(x && x.trim())),
    country: guarantor.country,
  };
  const iban = checked.value;
  const qr = currency === 'CHF' && isQRIBAN(iban);
  // One claim: its own reference, so the payment is matched to it; several: the first claim's (by due date).
  const refs = claimReferences(claims[0]!.ref_no, CLAIM_REFERENCE_PREFIX);
  const letterId = randomUUID();
  const letter: LetterInput = {
    language,
    tier: 'legal',
    date: now,
    currency,
    sender,
    creditorName: letterhead ? creditor.name : null,
    recipient,
    subject: text.subject,
    salutation: text.salutation,
    paragraphs: text.paragraphs,
    claims: rows,
    totals: { principal: sum((c) => c.principal), interest: sum((c) => c.interest), costs: sum((c) => c.costs), paid: sum((c) => c.paid), totalDue: sum((c) => c.totalDue) },
    interestMode: 'mention',
    legalNotice: text.legalNotice,
    closing: text.closing,
    payment: {
      iban,
      payee: creditorParty,
      referenceType: qr ? 'QRR' : 'SCOR',
      reference: qr ? refs.qrr : refs.rf,
      payBy,
      amount: demanded,
      message: references.join(', ').slice(0, 140),
    },
    documentId: letterId,
  };
  const pdf = await renderLetterPdf(letter);
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const isEmail = channel === 'email';
  await trx
    .insertInto('guarantor_letters')
    .values({
      id: letterId,
      tenant_id: actor.tenantId,
      guarantee_id: g.id,
      guarantor_id: guarantor.id,
      sent_on: now,
      amount: demanded,
      currency,
      language,
      recipient: isEmail ? guarantor.email!.trim() : [recipient.name, ...recipient.lines].join(', '),
      subject: text.subject,
      pdf,
      sha256,
      letter: JSON.stringify(letter),
      channel,
      status: isEmail ? 'queued' : 'to_print',
      message_id: isEmail ? `<${letterId}@incasso>` : null,
      body_text: isEmail ? guarantorEmailText(text, language) : null,
      step_key: opts.stepKey ?? null,
      created_by: actor.userId,
    })
    .execute();
  // Sent exactly once by the outbox (deliver-outbox.ts), committed with the letter or not at all.
  if (isEmail) await trx.insertInto('outbox').values({ tenant_id: actor.tenantId, guarantor_letter_id: letterId }).execute();
  await trx
    .updateTable('guarantees')
    .set({ state: 'enforced', enforced_on: now, enforced_amount: demanded, version: sql`version + 1`, updated_at: sql`now()` })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', g.id)
    .execute();
  await recordAudit(trx, actor, {
    action: 'guarantee.enforced',
    entityType: 'guarantee',
    entityId: g.id,
    debtorId: g.debtor_id,
    creditorId: g.creditor_id,
    ...diff({ state: g.state, enforcedOn: null, enforcedAmount: null }, { state: 'enforced', enforcedOn: now, enforcedAmount: demanded })!,
  });
  await recordAudit(trx, actor, {
    action: 'guarantor_letter.created',
    entityType: 'guarantor_letter',
    entityId: letterId,
    debtorId: g.debtor_id,
    creditorId: g.creditor_id,
    after: { guaranteeId: g.id, guarantorId: guarantor.id, amount: demanded, currency, sha256, claims: references, channel, stepKey: opts.stepKey ?? null },
  });
  return letterId;
}


import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { isoDate, uuid } from '../../domain/fields.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { smtpTransport } from '../../integrations/mail/transport.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { deliverOutbox, type DeliverResult } from './deliver-outbox.ts';
import { renderPendingLetters, type RenderResult } from './render-letters.ts';
import { runDunning, type DunningRunResult } from './run-dunning.ts';
import { DEFAULT_LOCALE, translate, type Locale } from '../../domain/messages/index.ts';

export const DunningRunInput = z.object({
  date: isoDate,
  dryRun: z.boolean().default(true),
  /** Only this creditor's claims (one mandate's run). */
  creditorId: uuid.optional(),
});

const MoneyText = z.string().meta({ description: 'decimal amount, e.g. "1234.50"' });
export const DunningRunView = z.object({
  date: z.string(),
  dryRun: z.boolean(),
  debtors: z.number().int(),
  communications: z.number().int(),
  blocked: z.number().int(),
  stepActions: z.number().int(),
  skipped: z.number().int(),
  claimsAssigned: z.number().int(),
  delivered: z.object({ sent: z.number().int(), retrying: z.number().int(), failed: z.number().int() }).nullable(),
  rendered: z.object({ rendered: z.number().int(), failed: z.number().int() }).nullable(),
  failed: z.array(z.object({ debtorId: z.string(), message: z.string() })),
  actions: z.array(
    z.object({
      debtorId: z.string(),
      debtorName: z.string(),
      creditorId: z.string(),
      creditorName: z.string(),
      audience: z.enum(['debtor', 'creditor', 'guarantor', 'mediation']),
      stepKey: z.string(),
      stepNo: z.number().int(),
      tier: z.string(),
      channel: z.string().nullable(),
      recipient: z.string().nullable(),
      claims: z.array(z.object({ id: z.string(), reference: z.string(), stepNo: z.number().int(), totalDue: MoneyText, fee: MoneyText.nullable() })),
      currency: z.string(),
      amount: MoneyText,
      fees: MoneyText,
      postage: MoneyText,
      blocked: z.string().nullable(),
      /** An action step with nothing to do: why (the claims moved on past it). */
      skipped: z.string().nullable(),
      records: z.array(z.object({ kind: z.enum(['guarantor_letter', 'mediation', 'guarantee']), id: z.string() })),
      communicationId: z.string().nullable(),
    }),
  ),
});
export type DunningRunView = z.infer<typeof DunningRunView>;

/**
 * A dunning run started by a person (supervisor or administrator): the dry run lists what would go
 * out; the run performs it for the actor's tenant, audited under the person's name, then renders the
 * first letters and hands the e-mails to the outbox delivery at once (the minute jobs do the rest).
 */
export async function startDunningRun(
  db: Db,
  actor: Actor,
  input: z.input<typeof DunningRunInput>,
  mail: Pick<Config, 'smtpUrl' | 'mailFrom'>,
  locale: Locale = DEFAULT_LOCALE,
): Promise<DunningRunView> {
  authorize(actor, 'update', 'strategy');
  const p = parseInput(DunningRunInput, input);
  if (p.creditorId) {
    const c = await db.selectFrom('creditors').select('id').where('tenant_id', '=', actor.tenantId).where('id', '=', p.creditorId).executeTakeFirst();
    if (!c) throw notFound('creditor');
  }
  const { result, rendered, delivered } = await performDunningRun(
    db,
    { date: p.date, dryRun: p.dryRun, actor, tenantId: actor.tenantId, ...(p.creditorId ? { creditorId: p.creditorId } : {}) },
    { ...mail, limit: 200 },
  );
  // Why a message was blocked or a debtor failed, in the reader's language.
  return {
    ...result,
    actions: result.actions.map((a) => ({ ...a, blocked: a.blocked && translate(a.blocked, locale), skipped: a.skipped && translate(a.skipped, locale) })),
    failed: result.failed.map((f) => ({ ...f, message: translate(f.message, locale) })),
    delivered,
    rendered,
  };
}

/**
 * One dunning run, wherever it is started (the API for a person, the CLI for the installation's
 * operator): the steps due (`runDunning`), then — unless a dry run or told not to — the first letters
 * rendered and the e-mails handed to the outbox delivery, at most `limit` of each (the minute jobs do
 * the rest). The scheduler's tick runs the steps only and leaves both to those jobs.
 */
export async function performDunningRun(
  db: Db,
  opts: Parameters<typeof runDunning>[1] & {
    deliver?: boolean;
    /** Render and deliver even when this run wrote nothing: what an earlier, interrupted run left (the CLI). */
    finishEarlier?: boolean;
  },
  mail: Pick<Config, 'smtpUrl' | 'mailFrom'> & { limit: number },
): Promise<{ result: DunningRunResult; rendered: RenderResult | null; delivered: DeliverResult | null }> {
  const { deliver = true, finishEarlier = false, ...run } = opts;
  const result = await runDunning(db, run);
  if (run.dryRun || !deliver || (result.communications === 0 && !finishEarlier)) return { result, rendered: null, delivered: null };
  const scope = run.tenantId ? { tenantId: run.tenantId } : {};
  const rendered = await renderPendingLetters(db, { limit: mail.limit, ...scope });
  const transport = mail.smtpUrl ? smtpTransport(mail.smtpUrl) : null;
  try {
    const delivered = await deliverOutbox(db, { transport, from: mail.mailFrom, limit: mail.limit, ...scope });
    return { result, rendered, delivered };
  } finally {
    await transport?.close();
  }
}

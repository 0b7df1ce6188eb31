import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { nowInstant } from '../../domain/dates.ts';
import { messageOf, type Message } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { systemActor } from '../../domain/policies.ts';
import { currentRateBook } from '../interest/rate-book.ts';
import { actOnBatch } from './act-on-batch.ts';
import { ACTIONABLE_STATUSES } from './decide.ts';
import { pastTermSql } from './time-barred.ts';

export interface RunDunningOptions {
  /** The day the run acts for (ISO); the tick passes today in Europe/Rome. */
  date: string;
  dryRun?: boolean;
  /** Only this tenant (the CLI's --tenant); all tenants otherwise. */
  tenantId?: string;
  /** Only this creditor's claims (a mandate's run, from the UI or --creditor). */
  creditorId?: string;
  /** Debtors per transaction. */
  batchSize?: number;
  /** Stop after this many debtors (tests; a very large backlog is worked off over several ticks). */
  maxDebtors?: number;
  /**
   * Local time (HH:MM, Europe/Rome) the contact rules are checked at (e-mail quiet hours, SMS
   * windows): the current time when `date` is today, 09:00 for another day (a dry run for tomorrow).
   */
  time?: string;
  /** Who runs it (a user from the UI, audited as such); the system otherwise. Implies tenantId. */
  actor?: Actor;
  /** Called after each committed batch (the CLI prints progress). */
  onBatch?: (done: { debtors: number; communications: number; blocked: number }) => void;
}

export interface DunningAction {
  debtorId: string;
  debtorName: string;
  creditorId: string;
  creditorName: string;
  /**
   * 'creditor': internal advice to the creditor (e.g. stop supplying), not a contact with the debtor;
   * 'guarantor': a step that demands payment from the guarantors (channel and recipient are theirs);
   * 'mediation': a step that proposes mediation or conciliation (no message).
   */
  audience: 'debtor' | 'creditor' | 'guarantor' | 'mediation';
  stepKey: string;
  stepNo: number;
  tier: string;
  channel: string | null;
  recipient: string | null;
  claims: { id: string; reference: string; stepNo: number; totalDue: string; fee: string | null }[];
  currency: string;
  amount: string;
  fees: string;
  postage: string;
  /** Why nothing went out (no usable channel, contact limit reached), worded where it is shown. */
  blocked: Message | null;
  /** An action step with nothing to do (no enforceable guarantee, a mediation pending): why; the claims move on. */
  skipped: Message | null;
  /** What an action step made: the guarantor letters or the mediation (in a dry run: the guarantees it would enforce). */
  records: { kind: 'guarantor_letter' | 'mediation' | 'guarantee'; id: string }[];
  communicationId: string | null;
}

export interface DunningRunResult {
  date: string;
  dryRun: boolean;
  debtors: number;
  communications: number;
  blocked: number;
  /** Action steps done (a guarantor's demand counts as a communication too) and skipped. */
  stepActions: number;
  skipped: number;
  claimsAssigned: number;
  actions: DunningAction[];
  /** Debtors whose step could not be done (bad data the engine cannot turn into a letter), with why. */
  failed: { debtorId: string; message: Message }[];
}

const OPEN_FOR_DUNNING = ACTIONABLE_STATUSES as string[];

class DryRun extends Error {}

/** Why a debtor's batch failed: a coded message when it is one of ours (invalid contact rules, a payment slip…), else the error's text. */
const failure = (err: unknown): Message => messageOf(err);

/**
 * The dunning tick. First every open claim without a strategy gets its creditor's active one and
 * the date of its first step; then the debtors with a claim due are taken in batches, each batch one
 * transaction holding the debtors' rows with `FOR UPDATE SKIP LOCKED` — two nodes ticking together
 * split the debtors between them, and a debtor done by one is not due any more for the other. Per
 * debtor and creditor one communication bundles the due claims at the highest step; each claim
 * advances exactly one step, its fee charged once (keyed by claim and step), the communication, its
 * claims, the outbox row, the contact log and the audit events written in the same transaction
 * (act-on-batch.ts). The unique (claim, step) index makes a second send of a step impossible
 * whatever happens. A batch that fails is done again debtor by debtor, so that one debtor's bad data
 * stops only that debtor (reported in `failed`).
 */
export async function runDunning(db: Db, opts: RunDunningOptions): Promise<DunningRunResult> {
  const result: DunningRunResult = { date: opts.date, dryRun: Boolean(opts.dryRun), debtors: 0, communications: 0, blocked: 0, stepActions: 0, skipped: 0, claimsAssigned: 0, actions: [], failed: [] };
  const book = await currentRateBook(db);
  const batchSize = opts.batchSize ?? 250;
  const time = opts.time ?? localTimeFor(opts.date);
  if (opts.actor) opts = { ...opts, tenantId: opts.actor.tenantId };
  const batchOpts = { date: opts.date, time, dryRun: Boolean(opts.dryRun), creditorId: opts.creditorId };

  const runBatch = async (trx: Db, chunk: { tenant_id: string; id: string }[]) => {
    // The debtors this node takes; those another node holds are skipped (and not due after it).
    const locked = await trx
      .selectFrom('debtors')
      .select(['tenant_id', 'id'])
      .where('id', 'in', chunk.map((d) => d.id))
      .forUpdate()
      .skipLocked()
      .execute();
    const byTenant = new Map<string, string[]>();
    for (const d of locked) byTenant.set(d.tenant_id, [...(byTenant.get(d.tenant_id) ?? []), d.id]);
    const out: { debtors: number; actions: DunningAction[] } = { debtors: 0, actions: [] };
    for (const [tenantId, ids] of byTenant) {
      const actor = opts.actor ?? systemActor(tenantId, 'dunning');
      const r = await actOnBatch(trx, actor, book, ids, batchOpts);
      out.debtors += r.debtors;
      out.actions.push(...r.actions);
    }
    return out;
  };
  const tally = (r: { debtors: number; actions: DunningAction[] }) => {
    result.debtors += r.debtors;
    for (const a of r.actions) {
      result.actions.push(a);
      if (a.blocked) result.blocked++;
      else if (a.skipped) result.skipped++;
      else if (a.audience === 'mediation') result.stepActions++;
      else if (a.audience === 'guarantor') {
        result.stepActions++;
        // Each demand is a message to a guarantor (delivered by the outbox like the dunning e-mails).
        result.communications += Math.max(1, a.records.length);
      } else result.communications++;
    }
  };

  const work = async (conn: Db) => {
    result.claimsAssigned = await assignStrategies(conn, opts);
    const due = await dueDebtors(conn, opts);
    for (let i = 0; i < due.length; i += batchSize) {
      if (opts.maxDebtors !== undefined && result.debtors >= opts.maxDebtors) break;
      const chunk = due.slice(i, i + batchSize);
      if (opts.dryRun) {
        tally(await runBatch(conn, chunk));
      } else {
        try {
          tally(await conn.transaction().execute((trx) => runBatch(trx, chunk)));
        } catch (err) {
          if (chunk.length === 1) {
            result.failed.push({ debtorId: chunk[0]!.id, message: failure(err) });
          } else {
            // One by one: the debtor with bad data fails alone, the others go out.
            for (const one of chunk) {
              try {
                tally(await conn.transaction().execute((trx) => runBatch(trx, [one])));
              } catch (e) {
                result.failed.push({ debtorId: one.id, message: failure(e) });
              }
            }
          }
        }
      }
      opts.onBatch?.({ debtors: result.debtors, communications: result.communications, blocked: result.blocked });
    }
  };

  if (opts.dryRun) {
    await db
      .transaction()
      .execute(async (trx) => {
        await work(trx);
        throw new DryRun();
      })
      .catch((err: unknown) => {
        if (!(err instanceof DryRun)) throw err;
      });
  } else {
    await work(db);
  }
  return result;
}

/**
 * The debtors with a claim due by the run's date under an active strategy (a deactivated strategy
 * stops its claims until another is activated; a comune's position past its decadenza or
 * prescription term is never due: time-barred.ts), in a fixed order (so that nodes running together
 * meet few locked debtors). Read once: a debtor done in this run is no longer due, and one another
 * node holds is done by that node.
 */
async function dueDebtors(db: Db, opts: RunDunningOptions): Promise<{ tenant_id: string; id: string }[]> {
  const r = await sql<{ tenant_id: string; id: string }>`
    select distinct c.tenant_id, c.debtor_id as id
      from claims c
      join strategies s on s.id = c.strategy_id and s.tenant_id = c.tenant_id and s.active
     where c.next_action_on <= ${opts.date}::date
       and c.status = any(${OPEN_FOR_DUNNING}::text[])
       and not ${pastTermSql('c', opts.date)}
       ${opts.tenantId ? sql`and c.tenant_id = ${opts.tenantId}` : sql``}
       ${opts.creditorId ? sql`and c.creditor_id = ${opts.creditorId}` : sql``}
     order by c.debtor_id`.execute(db);
  return r.rows;
}

/** Now in Europe/Rome (HH:MM) when the run is for today; 09:00 otherwise. */
function localTimeFor(date: string): string {
  const now = nowInstant().toZonedDateTimeISO('Europe/Rome');
  if (now.toPlainDate().toString() !== date) return '09:00';
  return now.toPlainTime().toString().slice(0, 5);
}

/** Open claims without a strategy get their creditor's active one, due at its first step's date. */
async function assignStrategies(db: Db, opts: RunDunningOptions): Promise<number> {
  const r = await sql`
    update claims c
       set strategy_id = s.id,
           -- A first step counted from the load is looked at in this run (its day and conditions are
           -- the engine's: it may be skipped, e.g. a call to a debtor without a phone number).
           next_action_on = case when s.steps -> 0 ->> 'delayFrom' = 'load' then ${opts.date}::date
                                 else c.due_date + coalesce((s.steps -> 0 ->> 'delayDays')::int, 0) end,
           updated_at = now()
      from strategies s
     where s.tenant_id = c.tenant_id and s.creditor_id = c.creditor_id and s.active
       and c.strategy_id is null and c.dunning_step_no = 0
       and c.status = any(${OPEN_FOR_DUNNING}::text[])
       ${opts.tenantId ? sql`and c.tenant_id = ${opts.tenantId}` : sql``}
       ${opts.creditorId ? sql`and c.creditor_id = ${opts.creditorId}` : sql``}`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

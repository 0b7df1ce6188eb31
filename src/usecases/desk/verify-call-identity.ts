import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { identityMatches, identityMethodsFor, MAX_IDENTITY_TRIES, type IdentityMethod, type IdentityReference } from '../../domain/desk/identity.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import { uuid } from '../../domain/fields.ts';
import { DEFAULT_LOCALE, msg, translate, type Locale, type Message } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { VerifyCallIdentityInput, type IdentityView } from './schema.ts';

export type IdentityResult = IdentityView & { message: string | null };

export async function verifyCallIdentity(
  db: Db,
  actor: Actor,
  callId: string,
  input: z.input<typeof VerifyCallIdentityInput>,
  now: Date = new Date(),
  locale: Locale = DEFAULT_LOCALE,
): Promise<IdentityResult> {
  return db.transaction().execute((trx) => confirmCallIdentity(trx, actor, callId, input, now, locale));
}

/**
 * The right-party check of a call (domain/desk/identity.ts): what the person says is compared with
 * the debtor's records here, never on the operator's screen. A match opens the call screen's amounts
 * and the right-party outcomes; a wrong answer is counted and audited (without the answer given)
 * and discloses nothing; after MAX_IDENTITY_TRIES wrong answers the check is locked for this call.
 * A wrong answer is an answer, not an error: it is committed with its audit event.
 */
export async function confirmCallIdentity(
  trx: Trx,
  actor: Actor,
  callId: string,
  input: z.input<typeof VerifyCallIdentityInput>,
  now: Date,
  locale: Locale,
): Promise<IdentityResult> {
  authorize(actor, 'update', 'communication');
  if (!uuid.safeParse(callId).success) throw notFound(msg('desk.call_not_found'));
  const data = parseInput(VerifyCallIdentityInput, input);
  const call = await trx
    .selectFrom('desk_calls')
    .select(['id', 'debtor_id', 'ended_at', 'identity_method', 'identity_verified_at', 'identity_failures'])
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', callId)
    .where('user_id', '=', actor.userId)
    .forUpdate()
    .executeTakeFirst();
  if (!call) throw notFound(msg('desk.call_not_found'));
  if (call.ended_at !== null) throw conflict(msg('desk.call_ended'));
  const ref = await identityReference(trx, actor, call.debtor_id);
  const answer = (verified: boolean, method: IdentityMethod | null, failures: number, m: Message | null): IdentityResult => ({
    ...identityView({ identity_verified_at: verified ? now : null, identity_method: method, identity_failures: failures }, ref),
    message: m && translate(m, locale),
  });
  if (call.identity_verified_at) return answer(true, call.identity_method, call.identity_failures, null);
  if (call.identity_failures >= MAX_IDENTITY_TRIES) return answer(false, null, call.identity_failures, msg('desk.identity_locked', { tries: MAX_IDENTITY_TRIES }));

  const match = identityMatches(ref, data.method, data.value);
  if (match === null) return answer(false, null, call.identity_failures, msg('desk.identity_no_reference'));
  const audit = { entityType: 'debtor', entityId: call.debtor_id, debtorId: call.debtor_id };
  if (!match) {
    const failures = call.identity_failures + 1;
    await trx.updateTable('desk_calls').set({ identity_failures: failures }).where('tenant_id', '=', actor.tenantId).where('id', '=', call.id).execute();
    // The answer given is not stored: a wrong codice fiscale may be someone else's.
    await recordAudit(trx, actor, { action: 'desk.identity_failed', ...audit, after: { callId: call.id, method: data.method, failures } });
    const locked = failures >= MAX_IDENTITY_TRIES;
    return answer(false, null, failures, locked ? msg('desk.identity_locked', { tries: MAX_IDENTITY_TRIES }) : msg('desk.identity_wrong', { left: MAX_IDENTITY_TRIES - failures }));
  }
  await trx
    .updateTable('desk_calls')
    .set({ identity_verified_at: now, identity_method: data.method })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', call.id)
    .execute();
  await recordAudit(trx, actor, { action: 'desk.identity_verified', ...audit, after: { callId: call.id, method: data.method, failures: call.identity_failures } });
  return answer(true, data.method, call.identity_failures, null);
}

/** What the records hold about the debtor to check an answer against. */
export async function identityReference(db: Db, actor: Actor, debtorId: string): Promise<IdentityReference> {
  const d = await db
    .selectFrom('debtors')
    .select(['tax_code', 'vat_number', 'birth_date'])
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', debtorId)
    .executeTakeFirstOrThrow();
  return { taxIds: [d.tax_code, d.vat_number], birthDate: d.birth_date };
}

/** The state of a call's check as the screen shows it. */
export function identityView(
  call: { identity_verified_at: Date | null; identity_method: IdentityMethod | null; identity_failures: number },
  ref: IdentityReference,
): IdentityView {
  const verified = call.identity_verified_at !== null;
  return {
    verified,
    method: verified ? call.identity_method : null,
    failures: call.identity_failures,
    triesLeft: verified ? 0 : Math.max(0, MAX_IDENTITY_TRIES - call.identity_failures),
    locked: !verified && call.identity_failures >= MAX_IDENTITY_TRIES,
    methods: identityMethodsFor(ref),
  };
}

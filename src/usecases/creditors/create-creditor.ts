import { storedPlanRulesProblems, type PlanRules } from '../../domain/plans/rules.ts';
import { creditorView } from './creditor-view.ts';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { conflict, fieldError, invalid } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { toColumns } from '../shared/present.ts';
import { CreateCreditorInput, type CreditorView } from './schema.ts';
import { msg } from '../../domain/messages/index.ts';
import { assertMandateAllowed } from './mandate-rules.ts';

/** Registers a creditor (mandante): a company, an individual, or a public entity such as a comune. */
export async function createCreditor(db: Db, actor: Actor, input: z.input<typeof CreateCreditorInput>): Promise<CreditorView> {
  return db.transaction().execute((trx) => registerCreditor(trx, actor, input));
}

/** `createCreditor` on a transaction the caller holds. */
export async function registerCreditor(trx: Trx, actor: Actor, input: z.input<typeof CreateCreditorInput>): Promise<CreditorView> {
  authorize(actor, 'create', 'creditor');
  const data = parseInput(CreateCreditorInput, input);
  const planProblems = storedPlanRulesProblems(data.planRules as Partial<PlanRules> | null | undefined, data.kind);
  if (planProblems.length) throw invalid(planProblems.map((m) => fieldError('planRules.tiers', m.code, m.params)));
  await assertMandateAllowed(trx, actor.tenantId, { kind: data.kind, active: data.active ?? true });
  const clash = await trx
    .selectFrom('creditors')
    .select(['name', 'code'])
    .where('tenant_id', '=', actor.tenantId)
    .where((eb) => eb.or([eb('name', '=', data.name), ...(data.code ? [eb('code', '=', data.code)] : [])]))
    .executeTakeFirst();
  if (clash) {
    throw conflict(
      clash.name === data.name ? msg('creditor.name_taken', { name: data.name }) : msg('creditor.code_taken', { code: data.code ?? '' }),
    );
  }
  const row = await trx
    .insertInto('creditors')
    .values({ ...(toColumns(data) as { name: string; kind: 'company' }), tenant_id: actor.tenantId })
    .returningAll()
    .executeTakeFirstOrThrow();
  const view = creditorView(row);
  await recordAudit(trx, actor, {
    action: 'creditor.created',
    entityType: 'creditor',
    entityId: row.id,
    creditorId: row.id,
    after: view,
  });
  return view;
}

import { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { debtorDisplayName } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { diff } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { saveChanges } from '../shared/save-changes.ts';
import { checkVersion, present } from '../shared/present.ts';
import { loadDebtor } from '../shared/scope.ts';
import { checkDebtorShape, UpdateDebtorInput, type DebtorView } from './schema.ts';

export async function updateDebtor(db: Db, actor: Actor, id: string, input: z.input<typeof UpdateDebtorInput>): Promise<DebtorView> {
  return db.transaction().execute((trx) => amendDebtor(trx, actor, id, input));
}

/** `updateDebtor` on a transaction the caller holds. */
export async function amendDebtor(trx: Trx, actor: Actor, id: string, input: z.input<typeof UpdateDebtorInput>): Promise<DebtorView> {
  const data = parseInput(UpdateDebtorInput, input);
  const current = await loadDebtor(trx, actor, id, { forUpdate: true });
  authorize(actor, 'update', 'debtor');
  checkVersion(current.version, data.version);
  const currentView = present(current);
  // The rules across fields apply to the record as it will be after the change.
  const merged = { ...currentView, ...data };
  parseInput(z.any().superRefine(checkDebtorShape), merged);
  const next = { ...data, displayName: debtorDisplayName(merged) };
  const changes = diff(currentView, next as Record<string, unknown>);
  if (!changes) return currentView as DebtorView;
  const row = await saveChanges(trx, actor, 'debtors', id, changes, { action: 'debtor.updated', entityType: 'debtor', debtorId: id });
  return present(row) as DebtorView;
}

import type { Db } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { assertId } from '../shared/scope.ts';
import { dossiersQuery, outcomesOf, presentDossier, selectDossier, sheetOfRow } from './dossier-query.ts';
import type { LegalDossierView } from './schema.ts';

/** One hand-off with its sheet (as it stood at the hand-off) and the outcomes recorded since. */
export async function getLegalDossier(db: Db, actor: Actor, id: string): Promise<LegalDossierView> {
  authorize(actor, 'read', 'legal_dossier');
  assertId(id, 'legal_dossier');
  const row = await selectDossier(dossiersQuery(db, actor)).where('h.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('legal_dossier');
  return { ...presentDossier(row), sheet: sheetOfRow(row), outcomes: await outcomesOf(db, actor, row.id) };
}

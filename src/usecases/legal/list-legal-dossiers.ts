import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { dossiersQuery, presentDossier, selectDossier } from './dossier-query.ts';
import type { LegalDossierList } from './schema.ts';

/** The hand-offs the actor may see, newest first: a law firm's user, only those handed to it. */
export async function listLegalDossiers(db: Db, actor: Actor, query: { claimId?: string } = {}): Promise<z.infer<typeof LegalDossierList>> {
  authorize(actor, 'read', 'legal_dossier');
  let q = selectDossier(dossiersQuery(db, actor));
  if (query.claimId) q = q.where('h.claim_id', '=', query.claimId);
  const rows = await q.orderBy('h.handed_on', 'desc').orderBy('h.created_at', 'desc').limit(500).execute();
  return { items: rows.map(presentDossier) };
}

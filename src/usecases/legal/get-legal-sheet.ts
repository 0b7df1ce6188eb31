import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { DEFAULT_LOCALE, type Locale } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadClaim } from '../shared/scope.ts';
import { LegalSheetQuery, type LegalSheetView } from './schema.ts';
import { dossierReader, sheetOf } from './sheet.ts';

/** The solvency and cost/benefit sheet of a claim to a day (default today), before handing it over. */
export async function getLegalSheet(db: Db, actor: Actor, claimId: string, query: z.input<typeof LegalSheetQuery> = {}, locale: Locale = DEFAULT_LOCALE): Promise<LegalSheetView> {
  const { day } = parseInput(LegalSheetQuery, query);
  authorize(actor, 'read', 'legal_dossier');
  authorize(actor, 'read', 'claim');
  await loadClaim(db, actor, claimId);
  return (await sheetOf(db, dossierReader(actor), claimId, day ?? today().toString(), locale)).sheet;
}

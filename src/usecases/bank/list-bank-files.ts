import type { Db } from '../../db/connect.ts';
import type { Locale } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { bankFileView } from './get-bank-file.ts';
import type { BankFileView } from './schema.ts';

/** The bank files imported, newest first (the last 200), with their state and counts (so far, while running). */
export async function listBankFiles(db: Db, actor: Actor, locale: Locale): Promise<BankFileView[]> {
  authorize(actor, 'read', 'payment');
  const rows = await db.selectFrom('bank_files').selectAll().where('tenant_id', '=', actor.tenantId).orderBy('created_at', 'desc').limit(200).execute();
  return rows.map((r) => bankFileView(r, locale));
}

import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { outstandingByDebtor } from '../claims/outstanding.ts';
import { authorize } from '../shared/authorize.ts';
import { present } from '../shared/present.ts';
import { loadDebtor, rowsOfDebtor } from '../shared/scope.ts';
import type { DebtorDetail } from './schema.ts';
import { DEFAULT_LOCALE, type Locale } from '../../domain/messages/index.ts';
import { debtorRisk } from '../risk/get-debtor-risk.ts';

/**
 * A debtor with addresses, contacts and what it still owes. Third-party contacts are included, flagged.
 * Addresses and contacts come in the order of their own list endpoints (created_at, then id: rows of
 * one transaction share created_at).
 */
export async function getDebtor(db: Db, actor: Actor, id: string, locale: Locale = DEFAULT_LOCALE): Promise<DebtorDetail> {
  authorize(actor, 'read', 'debtor');
  const debtor = await loadDebtor(db, actor, id);
  const [addresses, contacts, outstanding, risk] = await Promise.all([
    rowsOfDebtor(db, actor, 'addresses', id),
    rowsOfDebtor(db, actor, 'contacts', id),
    outstandingByDebtor(db, actor, [id]),
    debtorRisk(db, actor, id, locale),
  ]);
  return {
    ...present(debtor),
    outstanding: outstanding.get(id) ?? [],
    addresses: addresses.map(present),
    contacts: contacts.map(present),
    riskClass: risk?.profile.riskClass ?? null,
    risk,
  } as DebtorDetail;
}

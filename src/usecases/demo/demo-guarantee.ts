import type { Trx } from '../../db/connect.ts';
import { plainDateOf } from '../../domain/dates.ts';
import { OPEN_STATUSES } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { registerGuarantee } from '../guarantees/create-guarantee.ts';
import type { DemoDataSet } from './generate.ts';

/**
 * A bank guarantee that expires next month (issue 17 items 3 and 8): it secures the relationship of a
 * company customer with the hardware store, runs out on the 1st of next month — so "Garanzie" lists it
 * as expiring soon and the daily alert names it — and can be enforced or released in the demo.
 */
export async function insertDemoGuarantee(trx: Trx, actor: Actor, today: string, data: DemoDataSet, ids: { creditorId: string; debtorIds: string[] }): Promise<void> {
  const claim = data.claims.find((c) => c.creditor === 'ferramenta' && c.currency === 'EUR' && OPEN_STATUSES.includes(c.status) && data.debtors[c.debtor]!.kind === 'company');
  if (!claim) return;
  const day = plainDateOf(today);
  await registerGuarantee(trx, actor, {
    creditorId: ids.creditorId,
    debtorId: ids.debtorIds[claim.debtor]!,
    guarantor: { kind: 'bank', name: 'Banca Popolare di Valdoria S.p.A.', addressLine1: 'Corso Garibaldi 12', postalCode: '20121', city: 'Milano', province: 'MI', email: 'garanzie@bpvaldoria.example', language: 'it' },
    kind: 'bank_guarantee',
    reference: 'FB-2025-0418',
    amount: '15000.00',
    currency: 'EUR',
    validFrom: day.subtract({ months: 11 }).toString(),
    validTo: day.with({ day: 1 }).add({ months: 1 }).toString(),
    covers: 'relationship',
    note: 'Fideiussione a prima richiesta chiesta prima di riprendere le forniture.',
  });
}

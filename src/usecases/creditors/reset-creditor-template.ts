import type { Db, Trx } from '../../db/connect.ts';
import type { Language } from '../../domain/dunning/words.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { loadCreditor } from '../shared/scope.ts';
import { creditorTemplateKey } from './creditor-templates.ts';

export async function resetCreditorTemplate(db: Db, actor: Actor, creditorId: string, key: string, language: Language): Promise<void> {
  await db.transaction().execute((trx) => unwordCreditorTemplate(trx, actor, creditorId, key, language));
}

/** `resetCreditorTemplate` on a given transaction: back to the shipped text (audited; nothing to undo is no error). */
export async function unwordCreditorTemplate(trx: Trx, actor: Actor, creditorId: string, key: string, language: Language): Promise<void> {
  const creditor = await loadCreditor(trx, actor, creditorId, { forUpdate: true });
  authorize(actor, 'update', 'creditor');
  const templateKey = creditorTemplateKey(creditor.kind, key);
  const removed = await trx
    .deleteFrom('creditor_templates')
    .where('tenant_id', '=', actor.tenantId)
    .where('creditor_id', '=', creditor.id)
    .where('template_key', '=', templateKey)
    .where('language', '=', language)
    .returning('text')
    .executeTakeFirst();
  if (!removed) return;
  await recordAudit(trx, actor, {
    action: 'creditor.template_reset',
    entityType: 'creditor',
    entityId: creditor.id,
    creditorId: creditor.id,
    before: { template: templateKey, language, text: removed.text },
    after: null,
  });
}

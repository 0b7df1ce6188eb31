import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import type { TemplateText } from '../../domain/dunning/custom-templates.ts';
import type { Language } from '../../domain/dunning/words.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadCreditor } from '../shared/scope.ts';
import { assertUsableText, creditorTemplateKey } from './creditor-templates.ts';
import { SaveCreditorTemplateInput } from './template-schema.ts';

export async function saveCreditorTemplate(
  db: Db,
  actor: Actor,
  creditorId: string,
  key: string,
  language: Language,
  input: z.input<typeof SaveCreditorTemplateInput>,
): Promise<{ key: string; language: Language; text: TemplateText }> {
  return db.transaction().execute((trx) => wordCreditorTemplate(trx, actor, creditorId, key, language, input));
}

/**
 * `saveCreditorTemplate` on a transaction the caller holds: the creditor's own text of one template
 * in one language, checked against the variables that exist, replacing any earlier one; audited with
 * the text before and after.
 */
export async function wordCreditorTemplate(
  trx: Trx,
  actor: Actor,
  creditorId: string,
  key: string,
  language: Language,
  input: z.input<typeof SaveCreditorTemplateInput>,
): Promise<{ key: string; language: Language; text: TemplateText }> {
  const text = parseInput(SaveCreditorTemplateInput, input);
  const creditor = await loadCreditor(trx, actor, creditorId, { forUpdate: true });
  authorize(actor, 'update', 'creditor');
  const templateKey = creditorTemplateKey(creditor.kind, key);
  assertUsableText(templateKey, language, text);
  const before = await trx
    .selectFrom('creditor_templates')
    .select('text')
    .where('tenant_id', '=', actor.tenantId)
    .where('creditor_id', '=', creditor.id)
    .where('template_key', '=', templateKey)
    .where('language', '=', language)
    .executeTakeFirst();
  await trx
    .insertInto('creditor_templates')
    .values({ tenant_id: actor.tenantId, creditor_id: creditor.id, template_key: templateKey, language, text: JSON.stringify(text), updated_by: actor.userId })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'creditor_id', 'template_key', 'language']).doUpdateSet({ text: JSON.stringify(text), updated_at: new Date(), updated_by: actor.userId }),
    )
    .execute();
  await recordAudit(trx, actor, {
    action: 'creditor.template_worded',
    entityType: 'creditor',
    entityId: creditor.id,
    creditorId: creditor.id,
    before: before ? { template: templateKey, language, text: before.text } : null,
    after: { template: templateKey, language, text },
  });
  return { key: templateKey, language, text };
}

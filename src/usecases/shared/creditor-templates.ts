import type { Db } from '../../db/connect.ts';
import type { TemplateText } from '../../domain/dunning/custom-templates.ts';

/*
 * The creditors' own wording of templates (table creditor_templates), read by the template screens and
 * by the letters of a dunning run.
 */

/** The creditor's texts, keyed `${key}|${language}`. */
export async function loadCreditorTemplates(db: Db, tenantId: string, creditorIds: readonly string[]): Promise<Map<string, { text: TemplateText; updatedAt: Date }>> {
  const out = new Map<string, { text: TemplateText; updatedAt: Date }>();
  if (creditorIds.length === 0) return out;
  const rows = await db
    .selectFrom('creditor_templates')
    .select(['creditor_id', 'template_key', 'language', 'text', 'updated_at'])
    .where('tenant_id', '=', tenantId)
    .where('creditor_id', 'in', creditorIds)
    .execute();
  for (const r of rows) out.set(templateSlot(r.creditor_id, r.template_key, r.language), { text: r.text as TemplateText, updatedAt: r.updated_at });
  return out;
}

export const templateSlot = (creditorId: string, key: string, language: string) => `${creditorId}|${key}|${language}`;

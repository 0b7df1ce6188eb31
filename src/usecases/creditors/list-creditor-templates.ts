import { SAMPLE_VARIABLES, templateText } from '../../domain/dunning/custom-templates.ts';
import { TEMPLATE_INFO, TEMPLATE_VARIABLES, templateDescription, templateFor } from '../../domain/dunning/templates.ts';
import { LANGUAGES } from '../../domain/dunning/words.ts';
import { DEFAULT_LOCALE, translate, type Locale } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import type { Db } from '../../db/connect.ts';
import { authorize } from '../shared/authorize.ts';
import { loadCreditor } from '../shared/scope.ts';
import { loadCreditorTemplates, templateSlot } from '../shared/creditor-templates.ts';
import { templateKeysFor } from './creditor-templates.ts';
import type { CreditorTemplatesView } from './template-schema.ts';

/**
 * The letter and e-mail templates a creditor words (a comune its reminders per act, a company the
 * rest), in every language: the shipped text, the creditor's own where it has one, the neutral subject
 * and sample values for a preview. A creditor's own viewer sees its own; outsiders get 404.
 */
export async function listCreditorTemplates(db: Db, actor: Actor, creditorId: string, locale: Locale = DEFAULT_LOCALE): Promise<CreditorTemplatesView> {
  authorize(actor, 'read', 'creditor');
  const creditor = await loadCreditor(db, actor, creditorId);
  const custom = await loadCreditorTemplates(db, actor.tenantId, [creditor.id]);
  return {
    creditorId: creditor.id,
    variables: [...TEMPLATE_VARIABLES],
    templates: templateKeysFor(creditor.kind).map((key) => ({
      key,
      tier: TEMPLATE_INFO[key].tier,
      audience: TEMPLATE_INFO[key].audience,
      description: translate(templateDescription(key), locale),
      languages: LANGUAGES.map((language) => {
        const shipped = templateFor(key, language);
        const own = custom.get(templateSlot(creditor.id, key, language));
        return {
          language,
          subject: shipped.subject,
          shipped: templateText(shipped),
          custom: own?.text ?? null,
          updatedAt: own ? own.updatedAt.toISOString() : null,
          sample: { ...SAMPLE_VARIABLES[language] },
        };
      }),
    })),
  };
}

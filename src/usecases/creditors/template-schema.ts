import { z } from 'zod';
import { TemplateTextSchema } from '../../domain/dunning/custom-templates.ts';
import { LANGUAGES } from '../../domain/dunning/words.ts';

/** A template's editable text on the wire (the domain's TemplateText). */
const TemplateTextView = z.object({
  salutation: z.string(),
  paragraphs: z.array(z.union([z.string(), z.object({ mention: z.string(), charge: z.string() })])),
  legalNotice: z.array(z.string()),
  closing: z.array(z.string()),
});

export const CreditorTemplatesView = z.object({
  creditorId: z.uuid(),
  /** The variables a text may use, `{name}`. */
  variables: z.array(z.string()),
  templates: z.array(
    z.object({
      key: z.string(),
      tier: z.string(),
      audience: z.enum(['debtor', 'creditor']),
      /** What the template is for, in the reader's language. */
      description: z.string(),
      languages: z.array(
        z.object({
          language: z.enum(LANGUAGES),
          /** The neutral subject every message of this template carries (not editable). */
          subject: z.string(),
          shipped: TemplateTextView,
          /** The creditor's own text; null: the shipped one is used. */
          custom: TemplateTextView.nullable(),
          updatedAt: z.string().nullable(),
          /** Example values of the variables, for a preview. */
          sample: z.record(z.string(), z.string()),
        }),
      ),
    }),
  ),
});
export type CreditorTemplatesView = z.infer<typeof CreditorTemplatesView>;

export const SaveCreditorTemplateInput = TemplateTextSchema;
export const CreditorTemplateParams = z.object({ id: z.string(), key: z.string(), language: z.enum(LANGUAGES) });

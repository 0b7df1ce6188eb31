import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateFor } from '../../domain/dunning/templates.ts';
import { auditOf } from '../../test/factories.ts';
import { messageFor, openApiContext, type ApiContext } from '../../test/http.ts';

let ctx: ApiContext;
beforeAll(async () => {
  ctx = await openApiContext();
});
afterAll(async () => {
  await ctx.app.close();
});

interface TemplatesBody {
  variables: string[];
  templates: { key: string; description: string; languages: { language: string; subject: string; shipped: { paragraphs: unknown[] }; custom: { paragraphs: unknown[] } | null; sample: Record<string, string> }[] }[];
}

const comuneText = {
  salutation: 'Gentile contribuente {debtorName},',
  paragraphs: ['il Servizio Tributi {creditorOf} Le ricorda il versamento di {totalDue} entro il {payBy} ({references}).'],
  legalNotice: ['Questo avviso non è un atto impositivo.'],
  closing: ['Il funzionario responsabile del tributo', '{senderName}'],
};

describe('a creditor’s own wording of its letters', () => {
  it('lists a comune’s reminders in four languages, shipped and own text; saves, refuses unknown variables, resets — audited', async () => {
    const comune = ctx.t.otherCreditor.id;
    const url = `/api/creditors/${comune}/templates`;
    const list = await ctx.supervisor({ method: 'GET', url, headers: { 'accept-language': 'it' } });
    expect(list.statusCode).toBe(200);
    const body = list.json() as TemplatesBody;
    expect(body.templates.map((t) => t.key)).toEqual([
      'comune-avviso-bonario',
      'comune-sollecito',
      'comune-rateizzazione',
      'comune-handoff',
      'comune-sollecito-accertamento',
      'comune-sollecito-ingiunzione',
      'comune-sollecito-atto',
    ]);
    const bonario = body.templates[0]!;
    expect(bonario.languages.map((l) => l.language)).toEqual(['it', 'de', 'fr', 'en']);
    expect(bonario.languages[0]).toMatchObject({ custom: null, subject: templateFor('comune-avviso-bonario', 'it').subject });
    expect(bonario.languages[1]!.shipped.paragraphs).toEqual(templateFor('comune-avviso-bonario', 'de').paragraphs);
    expect(bonario.languages[1]!.sample.totalDue).toBe('1.234,56 €');

    // A typo in a variable: refused when saved, with the variables that exist.
    const typo = await ctx.supervisor({ method: 'PUT', url: `${url}/comune-avviso-bonario/it`, payload: { ...comuneText, paragraphs: ['Versi {totale} entro il {payBy}.'] } });
    expect(typo.statusCode).toBe(400);
    expect(messageFor(typo, 'paragraphs')).toContain('La variabile {totale} non esiste; si possono usare: {debtorName}');
    // Empty parts are named.
    const empty = await ctx.supervisor({ method: 'PUT', url: `${url}/comune-avviso-bonario/it`, payload: { ...comuneText, paragraphs: [], closing: [] } });
    expect(empty.statusCode).toBe(400);

    const saved = await ctx.supervisor({ method: 'PUT', url: `${url}/comune-avviso-bonario/it`, payload: comuneText });
    expect(saved.statusCode).toBe(200);
    const german = { ...comuneText, salutation: 'Sehr geehrte Steuerpflichtige, sehr geehrter Steuerpflichtiger,', paragraphs: ['Die Steuerstelle {creditorOf} erinnert Sie an die Zahlung von {totalDue} bis {payBy}.'], legalNotice: [], closing: ['Mit freundlichen Grüßen', '{senderName}'] };
    expect((await ctx.supervisor({ method: 'PUT', url: `${url}/comune-avviso-bonario/de`, payload: german })).statusCode).toBe(200);
    const after = (await ctx.viewer({ method: 'GET', url: `/api/creditors/${ctx.t.creditor.id}/templates` })).json() as TemplatesBody;
    // A company's templates are the others; the comune's own texts are the comune's.
    expect(after.templates.some((t) => t.key.startsWith('comune-'))).toBe(false);
    const reread = (await ctx.supervisor({ method: 'GET', url })).json() as TemplatesBody;
    expect(reread.templates[0]!.languages[0]!.custom).toEqual(comuneText);
    expect(reread.templates[0]!.languages[1]!.custom).toEqual(german);
    expect(reread.templates[0]!.languages[3]!.custom).toBeNull();

    // Who may: an operator reads but does not word; a viewer of another creditor, an outsider and an unknown template get 404.
    expect((await ctx.operator({ method: 'GET', url })).statusCode).toBe(200);
    expect((await ctx.operator({ method: 'PUT', url: `${url}/comune-avviso-bonario/it`, payload: comuneText })).statusCode).toBe(403);
    expect((await ctx.viewer({ method: 'GET', url })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'GET', url })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'PUT', url: `${url}/comune-avviso-bonario/it`, payload: comuneText })).statusCode).toBe(404);
    expect((await ctx.supervisor({ method: 'PUT', url: `${url}/soft-reminder/it`, payload: comuneText })).statusCode).toBe(404);
    expect((await ctx.supervisor({ method: 'PUT', url: `${url}/nessuno/it`, payload: comuneText })).statusCode).toBe(404);

    // Back to the shipped text.
    expect((await ctx.supervisor({ method: 'DELETE', url: `${url}/comune-avviso-bonario/it` })).statusCode).toBe(204);
    const reset = (await ctx.supervisor({ method: 'GET', url })).json() as TemplatesBody;
    expect(reset.templates[0]!.languages[0]!.custom).toBeNull();
    expect(reset.templates[0]!.languages[1]!.custom).toEqual(german);

    const audit = await auditOf(ctx.db, ctx.t.tenantId, comune);
    expect(audit.map((a) => a.action)).toEqual(['creditor.created', 'creditor.template_worded', 'creditor.template_worded', 'creditor.template_reset']);
    expect(audit[3]).toMatchObject({ creditor_id: comune, before: { template: 'comune-avviso-bonario', language: 'it', text: comuneText }, after: null });
  });
});

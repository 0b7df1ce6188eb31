import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listCreditorTemplates } from '../../usecases/creditors/list-creditor-templates.ts';
import { resetCreditorTemplate } from '../../usecases/creditors/reset-creditor-template.ts';
import { saveCreditorTemplate } from '../../usecases/creditors/save-creditor-template.ts';
import { CreditorTemplateParams, CreditorTemplatesView, SaveCreditorTemplateInput } from '../../usecases/creditors/template-schema.ts';
import { actorOf } from '../auth.ts';
import { requestLocale } from '../errors.ts';
import { errors, IdParams } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

/** A creditor's own wording of its letters and e-mails, per template and language. */
export const creditorTemplateRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['creditors'];
  app.get('/api/creditors/:id/templates', { schema: { tags, params: IdParams, response: { 200: CreditorTemplatesView, ...errors } } }, (req) =>
    listCreditorTemplates(db, actorOf(req), req.params.id, requestLocale(req)),
  );
  app.put(
    '/api/creditors/:id/templates/:key/:language',
    { schema: { tags, params: CreditorTemplateParams, body: SaveCreditorTemplateInput, response: { 200: z.object({ key: z.string(), language: z.string(), text: SaveCreditorTemplateInput }), ...errors } } },
    (req) => saveCreditorTemplate(db, actorOf(req), req.params.id, req.params.key, req.params.language, req.body),
  );
  app.delete('/api/creditors/:id/templates/:key/:language', { schema: { tags, params: CreditorTemplateParams, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    await resetCreditorTemplate(db, actorOf(req), req.params.id, req.params.key, req.params.language);
    return reply.status(204).send(null);
  });
};

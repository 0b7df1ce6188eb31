import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getLegalDossier } from '../../usecases/legal/get-legal-dossier.ts';
import { getLegalDossierFile } from '../../usecases/legal/get-legal-dossier-file.ts';
import { getLegalSheet } from '../../usecases/legal/get-legal-sheet.ts';
import { handOverClaim } from '../../usecases/legal/hand-over-claim.ts';
import { listLawFirmUsers } from '../../usecases/legal/list-law-firm-users.ts';
import { listLegalDossiers } from '../../usecases/legal/list-legal-dossiers.ts';
import { recordLegalOutcome } from '../../usecases/legal/record-legal-outcome.ts';
import { DossierFileParams, HandOverInput, LawFirmUserList, LegalDossierList, LegalDossierView, LegalSheetQuery, LegalSheetView, RecordOutcomeInput } from '../../usecases/legal/schema.ts';
import { actorOf } from '../auth.ts';
import { requestLocale } from '../errors.ts';
import { errors, IdParams } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

/**
 * The legal hand-off (issue 17 item 7). A law firm's user reaches only /api/legal/dossiers… (http/auth.ts
 * LAW_FIRM_ROUTES), and there only the dossiers handed to it.
 */
export const legalRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['legal'];
  app.get('/api/claims/:id/legal/sheet', { schema: { tags, params: IdParams, querystring: LegalSheetQuery, response: { 200: LegalSheetView, ...errors } } }, (req) =>
    getLegalSheet(db, actorOf(req), req.params.id, req.query, requestLocale(req)),
  );
  app.post('/api/claims/:id/legal/handover', { schema: { tags, params: IdParams, body: HandOverInput, response: { 201: LegalDossierView, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await handOverClaim(db, actorOf(req), req.params.id, req.body, requestLocale(req))),
  );
  app.get('/api/legal/firm-users', { schema: { tags, response: { 200: LawFirmUserList, ...errors } } }, (req) => listLawFirmUsers(db, actorOf(req)));
  app.get('/api/legal/dossiers', { schema: { tags, querystring: z.object({ claimId: z.uuid().optional() }), response: { 200: LegalDossierList, ...errors } } }, (req) => listLegalDossiers(db, actorOf(req), req.query));
  app.get('/api/legal/dossiers/:id', { schema: { tags, params: IdParams, response: { 200: LegalDossierView, ...errors } } }, (req) => getLegalDossier(db, actorOf(req), req.params.id));
  app.post('/api/legal/dossiers/:id/outcomes', { schema: { tags, params: IdParams, body: RecordOutcomeInput, response: { 201: LegalDossierView, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await recordLegalOutcome(db, actorOf(req), req.params.id, req.body, requestLocale(req))),
  );
  app.get('/api/legal/dossiers/:id/:file', { schema: { tags, params: DossierFileParams, response: { 200: z.any().meta({ description: 'application/zip or application/pdf' }), ...errors } } }, async (req, reply) => {
    const f = await getLegalDossierFile(db, actorOf(req), req.params.id, req.params.file);
    return reply.type(f.contentType).header('content-disposition', `attachment; filename="${f.fileName}"`).header('x-content-sha256', f.sha256).header('cache-control', 'private, no-cache').send(f.bytes);
  });
};

import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { correctStatement } from '../../usecases/commission/correct-statement.ts';
import { createMandateTerms } from '../../usecases/commission/create-mandate-terms.ts';
import { generateStatement } from '../../usecases/commission/generate-statement.ts';
import { getStatement } from '../../usecases/commission/get-statement.ts';
import { getStatementFile } from '../../usecases/commission/get-statement-file.ts';
import { listMandateTerms } from '../../usecases/commission/list-mandate-terms.ts';
import { listStatements } from '../../usecases/commission/list-statements.ts';
import { previewStatement } from '../../usecases/commission/preview-statement.ts';
import {
  CorrectStatementInput,
  CreateMandateTermsInput,
  IssueStatementInput,
  MandateTermsList,
  MandateTermsView,
  StatementFileParams,
  StatementList,
  StatementListQuery,
  StatementQuery,
  StatementView,
} from '../../usecases/commission/schema.ts';
import { actorOf } from '../auth.ts';
import { errors, IdParams } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

/** How the agency is paid (issue 16 items 1–2): mandate terms and remittance statements. */
export const commissionRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['commission'];
  app.get('/api/creditors/:id/mandate-terms', { schema: { tags, params: IdParams, response: { 200: MandateTermsList, ...errors } } }, (req) => listMandateTerms(db, actorOf(req), req.params.id));
  app.post('/api/creditors/:id/mandate-terms', { schema: { tags, params: IdParams, body: CreateMandateTermsInput, response: { 201: MandateTermsView, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await createMandateTerms(db, actorOf(req), req.params.id, req.body)),
  );
  app.get('/api/remittance-statements/preview', { schema: { tags, querystring: StatementQuery, response: { 200: StatementView, ...errors } } }, (req) => previewStatement(db, actorOf(req), req.query));
  app.post('/api/remittance-statements', { schema: { tags, body: IssueStatementInput, response: { 201: StatementView, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await generateStatement(db, actorOf(req), req.body)),
  );
  app.get('/api/remittance-statements', { schema: { tags, querystring: StatementListQuery, response: { 200: StatementList, ...errors } } }, (req) => listStatements(db, actorOf(req), req.query));
  app.get('/api/remittance-statements/:id', { schema: { tags, params: IdParams, response: { 200: StatementView, ...errors } } }, (req) => getStatement(db, actorOf(req), req.params.id));
  app.post('/api/remittance-statements/:id/correction', { schema: { tags, params: IdParams, body: CorrectStatementInput, response: { 201: StatementView, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await correctStatement(db, actorOf(req), req.params.id, req.body)),
  );
  app.get('/api/remittance-statements/:id/:format', { schema: { tags, params: StatementFileParams, response: { 200: z.any().meta({ description: 'application/pdf or XLSX' }), ...errors } } }, async (req, reply) => {
    const f = await getStatementFile(db, actorOf(req), req.params.id, req.params.format);
    return reply.type(f.contentType).header('content-disposition', `attachment; filename="${f.fileName}"`).header('x-content-sha256', f.sha256).header('cache-control', 'private, no-cache').send(f.bytes);
  });
};

import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fieldError, invalid } from '../../domain/errors.ts';
import { createGuarantee } from '../../usecases/guarantees/create-guarantee.ts';
import { enforceGuarantee } from '../../usecases/guarantees/enforce-guarantee.ts';
import { getGuarantee } from '../../usecases/guarantees/get-guarantee.ts';
import { getGuaranteeDocument } from '../../usecases/guarantees/get-guarantee-document.ts';
import { getGuarantorLetter } from '../../usecases/guarantees/get-guarantor-letter.ts';
import { listGuarantees } from '../../usecases/guarantees/list-guarantees.ts';
import { releaseGuarantee } from '../../usecases/guarantees/release-guarantee.ts';
import { CreateGuaranteeInput, EnforceGuaranteeInput, GuaranteeList, GuaranteeListQuery, GuaranteeView, ReleaseGuaranteeInput } from '../../usecases/guarantees/schema.ts';
import { MAX_GUARANTEE_DOCUMENT_BYTES, uploadGuaranteeDocument } from '../../usecases/guarantees/upload-guarantee-document.ts';
import { actorOf } from '../auth.ts';
import { errors, IdParams } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

const FileParams = z.object({ id: z.string().max(64), fileId: z.string().max(64) });
const pdf = z.any().meta({ description: 'application/pdf' });

/** The guarantee register (issue 17 item 3): guarantees, their documents, enforcement with the demand to the guarantor, release. */
export const guaranteeRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['guarantees'];
  app.get('/api/guarantees', { schema: { tags, querystring: GuaranteeListQuery, response: { 200: GuaranteeList, ...errors } } }, (req) => listGuarantees(db, actorOf(req), req.query));
  app.post('/api/guarantees', { schema: { tags, body: CreateGuaranteeInput, response: { 201: GuaranteeView, ...errors } } }, async (req, reply) => reply.status(201).send(await createGuarantee(db, actorOf(req), req.body)));
  app.get('/api/guarantees/:id', { schema: { tags, params: IdParams, response: { 200: GuaranteeView, ...errors } } }, (req) => getGuarantee(db, actorOf(req), req.params.id));
  app.post('/api/guarantees/:id/enforce', { schema: { tags, params: IdParams, body: EnforceGuaranteeInput, response: { 200: GuaranteeView, ...errors } } }, (req) => enforceGuarantee(db, actorOf(req), req.params.id, req.body));
  app.post('/api/guarantees/:id/release', { schema: { tags, params: IdParams, body: ReleaseGuaranteeInput, response: { 200: GuaranteeView, ...errors } } }, (req) => releaseGuarantee(db, actorOf(req), req.params.id, req.body));
  app.post(
    '/api/guarantees/:id/documents',
    { schema: { tags, params: IdParams, consumes: ['multipart/form-data'], description: 'multipart/form-data: the `file` part (PDF, JPEG or PNG, at most 20 MB).', response: { 201: GuaranteeView, ...errors } } },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!req.isMultipart()) throw invalid([fieldError('file', 'import.upload.send_multipart')]);
      for await (const part of req.parts({ limits: { fileSize: MAX_GUARANTEE_DOCUMENT_BYTES + 1, files: 1, fields: 2 } })) {
        if (part.type !== 'file') continue;
        return reply.status(201).send(await uploadGuaranteeDocument(db, actor, req.params.id, { fileName: part.filename || 'documento.pdf', contentType: part.mimetype }, part.file));
      }
      throw invalid([fieldError('file', 'import.upload.no_file')]);
    },
  );
  app.get('/api/guarantees/:id/documents/:fileId', { schema: { tags, params: FileParams, response: { 200: z.any().meta({ description: 'the document' }), ...errors } } }, async (req, reply) => {
    const d = await getGuaranteeDocument(db, actorOf(req), req.params.id, req.params.fileId);
    return reply
      .type(d.contentType)
      .header('content-length', String(d.sizeBytes))
      .header('content-disposition', `attachment; filename="${encodeURIComponent(d.fileName)}"`)
      .header('cache-control', 'private, no-cache')
      .send(Readable.from(d.body));
  });
  app.get('/api/guarantees/:id/letters/:fileId', { schema: { tags, params: FileParams, response: { 200: pdf, ...errors } } }, async (req, reply) => {
    const l = await getGuarantorLetter(db, actorOf(req), req.params.id, req.params.fileId);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${l.fileName}"`).header('cache-control', 'private, no-cache').send(l.pdf);
  });
};

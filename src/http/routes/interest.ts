import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { computeInterest, InterestCaseInput } from '../../usecases/interest/compute-interest.ts';
import { currentRateBook } from '../../usecases/interest/rate-book.ts';
import { interestStatementPdf, PDF_LANGUAGES } from '../../usecases/interest/statement-pdf.ts';
import { actorOf } from '../auth.ts';
import { errors } from '../schemas.ts';
import { StatementView as Statement } from '../../usecases/interest/statement-view.ts';
import type { RouteDeps } from './deps.ts';

/** The interest calculator: the same engine as the CLI and the batch mode, on the same rate tables. */
export const interestRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  app.post(
    '/api/interest/statement.pdf',
    {
      schema: {
        tags: ['interest'],
        querystring: z.object({ lang: z.enum(PDF_LANGUAGES).default('it') }),
        body: InterestCaseInput,
        response: { 200: z.any().meta({ description: 'application/pdf' }), ...errors },
      },
    },
    async (req, reply) => {
      const { statement, pdf } = await interestStatementPdf(db, actorOf(req), req.body, req.query.lang);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="prospetto-interessi-${statement.due}-${statement.paid}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    '/api/interest/calculate',
    { schema: { tags: ['interest'], body: InterestCaseInput, response: { 200: Statement, ...errors } } },
    async (req) => {
      actorOf(req); // any signed-in user may use the calculator
      return computeInterest(await currentRateBook(db), req.body);
    },
  );
};

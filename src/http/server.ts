import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyMultipart from '@fastify/multipart';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { runBankFileJob } from '../jobs/handlers/run-bank-file.ts';
import { refreshRiskJob } from '../jobs/handlers/refresh-risk.ts';
import { runImportJob } from '../jobs/handlers/run-import.ts';
import { inProcessJobs } from '../jobs/in-process.ts';
import type { JobQueue } from '../jobs/port.ts';
import { registerAuth } from './auth.ts';
import { registerErrorHandling } from './errors.ts';
import { registerJsonBodyParser } from './json-body.ts';
import { authRoutes } from './routes/auth.ts';
import { claimRoutes } from './routes/claims.ts';
import { creditorRoutes } from './routes/creditors.ts';
import { debtorRoutes } from './routes/debtors.ts';
import { noteRoutes } from './routes/notes.ts';
import { paymentRoutes } from './routes/payments.ts';
import { settlementRoutes } from './routes/settlements.ts';
import { commissionRoutes } from './routes/commission.ts';
import { alertRoutes } from './routes/alerts.ts';
import { interestDocumentRoutes } from './routes/interest-documents.ts';
import { portalRoutes } from './routes/portal.ts';
import { userRoutes } from './routes/users.ts';
import { interestRoutes } from './routes/interest.ts';
import { rateRoutes } from './routes/rates.ts';
import { importRoutes } from './routes/imports.ts';
import { communicationRoutes } from './routes/communications.ts';
import { dunningRoutes } from './routes/dunning.ts';
import { strategyRoutes } from './routes/strategies.ts';
import { settingsRoutes } from './routes/settings.ts';
import { creditorTemplateRoutes } from './routes/creditor-templates.ts';
import { deskRoutes } from './routes/desk.ts';
import { bankRoutes } from './routes/bank.ts';
import { planRoutes } from './routes/plans.ts';
import { queryRoutes } from './routes/queries.ts';
import { reportRoutes } from './routes/reports.ts';
import { claimHoldRoutes } from './routes/claim-holds.ts';
import { guaranteeRoutes } from './routes/guarantees.ts';
import { mediationRoutes } from './routes/mediation.ts';
import { reviewRoutes } from './routes/reviews.ts';
import { legalRoutes } from './routes/legal.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface ServerOptions {
  db: Db;
  config: Config;
  /** false in tests; a pino options object or true in production. */
  logger?: boolean | object;
  /** Serve the built web UI (web/dist) at /. */
  serveWeb?: boolean;
  /**
   * The job queue routes send work to (a started import). `incasso start` passes the pg-boss
   * adapter; without one, imports run in this process after the answer (`inProcessJobs`).
   */
  jobs?: JobQueue;
}

/** A queue in this process for a server built without one: it runs the jobs routes send. */
async function localJobs(db: Db, log: FastifyInstance['log']): Promise<JobQueue> {
  const jobs = inProcessJobs({ onError: (m, err) => log.error({ err }, m) });
  await jobs.start([runImportJob(db), runBankFileJob(db), refreshRiskJob(db)]);
  return jobs;
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const { db, config } = opts;
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerJsonBodyParser(app);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine and swagger-ui set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifyCookie);
  // Uploads are streamed part by part (never buffered whole); limits are set per route.
  await app.register(fastifyMultipart);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'incasso API',
        version: '1',
        description: 'Credit recovery: creditors, debtors, claims, payments. Money as decimal strings, dates as YYYY-MM-DD.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'incasso_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
  app.get('/api/health', { schema: { hide: true } }, () => ({ ok: true }));

  registerAuth(app, db, { idleMinutes: config.sessionIdleMinutes });
  const deps = { db, config, jobs: opts.jobs ?? (await localJobs(db, app.log)) };
  await app.register(authRoutes, deps);
  await app.register(creditorRoutes, deps);
  await app.register(debtorRoutes, deps);
  await app.register(claimRoutes, deps);
  await app.register(paymentRoutes, deps);
  await app.register(settlementRoutes, deps);
  await app.register(commissionRoutes, deps);
  await app.register(alertRoutes, deps);
  await app.register(interestDocumentRoutes, deps);
  await app.register(portalRoutes, deps);
  await app.register(noteRoutes, deps);
  await app.register(userRoutes, deps);
  await app.register(interestRoutes, deps);
  await app.register(rateRoutes, deps);
  await app.register(importRoutes, deps);
  await app.register(communicationRoutes, deps);
  await app.register(dunningRoutes, deps);
  await app.register(strategyRoutes, deps);
  await app.register(claimHoldRoutes, deps);
  await app.register(guaranteeRoutes, deps);
  await app.register(mediationRoutes, deps);
  await app.register(reviewRoutes, deps);
  await app.register(legalRoutes, deps);
  await app.register(settingsRoutes, deps);
  await app.register(creditorTemplateRoutes, deps);
  await app.register(deskRoutes, deps);
  await app.register(bankRoutes, deps);
  await app.register(planRoutes, deps);
  await app.register(queryRoutes, deps);
  await app.register(reportRoutes, deps);

  if (opts.serveWeb && fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false });
    // The UI is a single page: any other GET that is not the API gets index.html (read per request:
    // it is small, and a rebuilt UI is then served without a restart).
    app.get('/*', { schema: { hide: true } }, (req, reply) => {
      const file = path.join(WEB_DIST, path.normalize(req.url.split('?')[0] ?? '/'));
      if (file.startsWith(WEB_DIST + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        return reply.sendFile(path.relative(WEB_DIST, file));
      }
      if (req.url.startsWith('/api/')) return reply.status(404).send({ error: { code: 'not_found', message: 'Not found', fields: [] } });
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(fs.readFileSync(path.join(WEB_DIST, 'index.html')));
    });
  }
  return app;
}

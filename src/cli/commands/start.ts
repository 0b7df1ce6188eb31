import { Command } from '@commander-js/extra-typings';
import type { FastifyBaseLogger } from 'fastify';
import { applyClock } from '../../clock.ts';
import { isLoopbackHost, type Config } from '../../config.ts';
import { Temporal, today as todayIn } from '../../domain/dates.ts';
import { AppError } from '../../domain/errors.ts';
import { localeFromEnv, msg, translate } from '../../domain/messages/index.ts';
import type { loadDemo as LoadDemo } from '../../usecases/demo/load-demo.ts';
import { describeDatabase, openMigrated } from '../open.ts';
import { printLogins } from './demo.ts';

export function startCommand(config: () => Config) {
  return new Command('start')
    .description('Start the server and the scheduler (embedded database unless DATABASE_URL is set)')
    .option('--demo', 'load the demo data set (default only on the embedded database; its log-ins are published)')
    .option('--no-demo', 'never load the demo data')
    .option('--no-scheduler', 'serve HTTP only; run no background jobs on this node')
    .option('--no-web-build', 'serve web/dist as it is, without rebuilding the UI when its sources changed')
    .action(async (opts) => {
      // The server's module graph is loaded here, not when the CLI starts: other commands stay light.
      const [{ buildServer }, { purgeSessionsJob }, { resumeImportsJob }, { runImportJob }, { deliverOutboxJob }, { dunningTickJob }, { renderLettersJob }, { rollBalancesJob }, { judgePromisesJob }, { evaluatePlansJob }, { planRemindersJob }, { closeSettlementsJob }, { refillQueuesJob }, { runBankFileJob }, { resumeBankFilesJob }, { makeReportsJob }, { refreshRiskJob }, { refreshStaleProfilesJob }, { pgBossJobs }, { loadDemo }, { ensureWebBuilt }, { publishedDemoLogins }] = await Promise.all([
        import('../../http/server.ts'),
        import('../../jobs/handlers/purge-sessions.ts'),
        import('../../jobs/handlers/resume-imports.ts'),
        import('../../jobs/handlers/run-import.ts'),
        import('../../jobs/handlers/deliver-outbox.ts'),
        import('../../jobs/handlers/dunning-tick.ts'),
        import('../../jobs/handlers/render-letters.ts'),
        import('../../jobs/handlers/roll-balances.ts'),
        import('../../jobs/handlers/judge-promises.ts'),
        import('../../jobs/handlers/evaluate-plans.ts'),
        import('../../jobs/handlers/plan-reminders.ts'),
        import('../../jobs/handlers/close-settlements.ts'),
        import('../../jobs/handlers/refill-queues.ts'),
        import('../../jobs/handlers/run-bank-file.ts'),
        import('../../jobs/handlers/resume-bank-files.ts'),
        import('../../jobs/handlers/make-reports.ts'),
        import('../../jobs/handlers/refresh-risk.ts'),
        import('../../jobs/handlers/refresh-stale-profiles.ts'),
        import('../../jobs/pg-boss.ts'),
        import('../../usecases/demo/load-demo.ts'),
        import('../web-build.ts'),
        import('../../usecases/demo/published-demo-logins.ts'),
      ]);
      const c = config();
      const locale = localeFromEnv(process.env);
      const started = Date.now();
      applyClock(c.clockStart);
      const database = await openMigrated(c);
      console.log(`incasso: database ${describeDatabase(c)}`);
      // INCASSO_CLOCK (demos, browser tests): the desk works from that moment on, and a demo loaded now is of that day.
      const clockDay = c.clockStart ? todayIn('Europe/Rome', Temporal.Instant.fromEpochMilliseconds(c.clockStart.getTime())).toString() : undefined;
      if (c.clockStart) console.log(`incasso: clock starts at ${c.clockStart.toISOString()} (INCASSO_CLOCK), not the real time: the desk and "today" everywhere`);

      const tenants = await database.db.selectFrom('tenants').select('slug').execute();
      let logins: Awaited<ReturnType<typeof LoadDemo>>['logins'] = [];
      // The demo is for trying incasso on this machine: by default only on the embedded database.
      // A PostgreSQL database is an installation; there the demo comes only when asked for.
      const demoWanted = opts.demo ?? c.demo ?? !c.databaseUrl;
      // Published passwords never face a network: refuse before anything is loaded or served.
      if (!isLoopbackHost(c.host)) {
        const exposed = demoWanted && tenants.length === 0 ? [translate(msg('admin.demo_to_load'), locale)] : await publishedDemoLogins(database.db);
        if (exposed.length) {
          await database.close();
          throw new AppError('validation', msg('admin.start_refused', { host: c.host, logins: exposed.join(', ') }));
        }
      }
      if (demoWanted && (tenants.length === 0 || tenants.some((t) => t.slug === 'demo'))) {
        const r = await loadDemo(database.db, clockDay ? { today: clockDay } : {});
        if (r.created) console.log(`incasso: demo data loaded (${r.counts.debtors} debtors, ${r.counts.claims} claims)`);
        logins = r.logins;
      } else if (tenants.length === 0) {
        console.log(`incasso: ${translate(msg('admin.no_tenant_yet'), locale)}`);
      }

      if (opts.webBuild) await ensureWebBuilt({ log: (s) => console.log(`incasso: ${s}`) });
      // The queue is on the database: any node sends to it; a node started --no-scheduler only sends
      // (it creates the queues it sends to, works none and schedules nothing), another node works it.
      const logTo: { log?: FastifyBaseLogger } = {};
      const jobs = pgBossJobs(database.pool, {
        onError: (m, err) => logTo.log?.error({ err }, m),
        onRetry: (m, err) => logTo.log?.warn({ reason: (err as Error).message }, m),
      });
      const handlers = [
        purgeSessionsJob(database.db),
        resumeImportsJob(database.db, jobs),
        runImportJob(database.db),
        deliverOutboxJob(database.db, c),
        dunningTickJob(database.db),
        renderLettersJob(database.db),
        rollBalancesJob(database.db),
        judgePromisesJob(database.db),
        evaluatePlansJob(database.db),
        planRemindersJob(database.db),
        closeSettlementsJob(database.db),
        refillQueuesJob(database.db),
        runBankFileJob(database.db, database.engine),
        resumeBankFilesJob(database.db, jobs, database.engine),
        makeReportsJob(database.db),
        refreshRiskJob(database.db, database.engine),
        refreshStaleProfilesJob(database.db),
      ];
      const app = await buildServer({
        db: database.db,
        config: c,
        serveWeb: true,
        jobs,
        logger: {
          level: c.logLevel,
          redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
        },
      });
      logTo.log = app.log;
      // Every queue exists on every node (a node without the scheduler still sends: a recomputation of the risk classes).
      await jobs.start(handlers, { work: opts.scheduler });
      // Balances left behind (a migration, a night the server was off) are brought to today now.
      if (opts.scheduler) await jobs.enqueue('roll-balances', {}, { singletonKey: 'roll-balances' });

      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        app.log.info(`${signal}: shutting down`);
        await app.close();
        await jobs.stop();
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));

      await app.listen({ port: c.port, host: c.host });
      const shownHost = c.host === '0.0.0.0' || c.host === '::' ? 'localhost' : c.host.includes(':') ? `[${c.host}]` : c.host;
      const bound = app.server.address(); // PORT=0 picks a free port
      const port = bound && typeof bound === 'object' ? bound.port : c.port;
      console.log(`\nincasso is running: http://${shownHost}:${port}/   (API docs: /docs; ready in ${Date.now() - started} ms)`);
      if (logins.length) printLogins(logins);
      console.log('\nStop with Ctrl+C.');
    });
}

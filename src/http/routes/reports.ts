import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { downloadDischargeReport } from '../../usecases/reports/download-discharge-report.ts';
import { generateDischargeReport } from '../../usecases/reports/generate-discharge-report.ts';
import { issueDischargeReport } from '../../usecases/reports/issue-discharge-report.ts';
import { listDischargeReports } from '../../usecases/reports/list-discharge-reports.ts';
import { previewDischargeReport } from '../../usecases/reports/preview-discharge-report.ts';
import { createReportSchedule } from '../../usecases/reports/create-report-schedule.ts';
import { getReportRunFile } from '../../usecases/reports/get-report-run-file.ts';
import { listReportSchedules } from '../../usecases/reports/list-report-schedules.ts';
import { updateReportSchedule } from '../../usecases/reports/update-report-schedule.ts';
import { CreateReportScheduleInput, ListReportSchedulesQuery, ReportRunFileQuery, ReportScheduleList, ReportScheduleView, UpdateReportScheduleInput } from '../../usecases/reports/schedule-schema.ts';
import { DischargeFileQuery, DischargePreview, DischargeQuery, DischargeReportList, DischargeReportView, IssueDischargeInput, ListDischargeQuery } from '../../usecases/reports/schema.ts';
import { actorOf } from '../auth.ts';
import { requestLocale } from '../errors.ts';
import { errors, IdParams } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

const file = { 200: z.any().meta({ description: 'text/csv, XLSX or application/pdf' }), ...errors };
const attachment = (name: string) => `attachment; filename="${name}"`;

/** The discharge report (relazione di scarico, issue 16 item 6): preview, a draft file, issue (sealed), list, download. */
export const reportRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['reports'];
  app.get('/api/reports/discharge', { schema: { tags, querystring: DischargeQuery, response: { 200: DischargePreview, ...errors } } }, (req) => previewDischargeReport(db, actorOf(req), req.query));
  app.get('/api/reports/discharge/file', { schema: { tags, querystring: DischargeFileQuery, response: file } }, async (req, reply) => {
    const f = await generateDischargeReport(db, actorOf(req), req.query, requestLocale(req));
    return reply.type(f.contentType).header('content-disposition', attachment(f.fileName)).header('x-content-sha256', f.sha256).header('cache-control', 'private, no-cache').send(f.content);
  });
  app.post('/api/reports/discharge/issued', { schema: { tags, body: IssueDischargeInput, response: { 201: DischargeReportView, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await issueDischargeReport(db, actorOf(req), req.body, requestLocale(req))),
  );
  app.get('/api/reports/discharge/issued', { schema: { tags, querystring: ListDischargeQuery, response: { 200: DischargeReportList, ...errors } } }, (req) => listDischargeReports(db, actorOf(req), req.query));
  app.get('/api/reports/discharge/issued/:id/file', { schema: { tags, params: IdParams, response: file } }, async (req, reply) => {
    const f = await downloadDischargeReport(db, actorOf(req), req.params.id);
    return reply.type(f.contentType).header('content-disposition', attachment(f.fileName)).header('x-content-sha256', f.sha256).header('cache-control', 'private, no-cache').send(f.content);
  });

  // Scheduled reports to the creditor (issue 16 item 3): weekly/monthly PDF + XLSX by e-mail through the outbox.
  app.get('/api/reports/schedules', { schema: { tags, querystring: ListReportSchedulesQuery, response: { 200: ReportScheduleList, ...errors } } }, (req) => listReportSchedules(db, actorOf(req), req.query));
  app.post('/api/reports/schedules', { schema: { tags, body: CreateReportScheduleInput, response: { 201: ReportScheduleView, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await createReportSchedule(db, actorOf(req), req.body)),
  );
  app.patch('/api/reports/schedules/:id', { schema: { tags, params: IdParams, body: UpdateReportScheduleInput, response: { 200: ReportScheduleView, ...errors } } }, (req) =>
    updateReportSchedule(db, actorOf(req), req.params.id, req.body),
  );
  app.get('/api/reports/runs/:id/file', { schema: { tags, params: IdParams, querystring: ReportRunFileQuery, response: file } }, async (req, reply) => {
    const f = await getReportRunFile(db, actorOf(req), req.params.id, req.query);
    return reply.type(f.contentType).header('content-disposition', attachment(f.fileName)).header('x-content-sha256', f.sha256).header('cache-control', 'private, no-cache').send(f.content);
  });
};

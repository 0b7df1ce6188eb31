import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ExportAgencyKpisQuery, exportAgencyKpis } from '../../usecases/portal/export-agency-kpis.ts';
import { ExportProgressQuery, exportPortalProgress } from '../../usecases/portal/export-portal-progress.ts';
import { AgencyKpis, AgencyKpisQuery, getAgencyKpis } from '../../usecases/portal/get-agency-kpis.ts';
import { getPortalCollections, PortalCollections } from '../../usecases/portal/get-portal-collections.ts';
import { getPortalKpis, PortalKpis } from '../../usecases/portal/get-portal-kpis.ts';
import { getPortalProgress, PortalProgress } from '../../usecases/portal/get-portal-progress.ts';
import { PortalQuery } from '../../usecases/portal/scope.ts';
import { actorOf } from '../auth.ts';
import { errors } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

/**
 * The creditor portal's figures (issue 16 items 3 and 5): progress, collections, KPIs, the progress table
 * as CSV/XLSX; and the agency's KPIs per operator and per queue (item 7, supervisors), as CSV/XLSX too.
 */
export const portalRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['portal'];
  app.get('/api/portal/progress', { schema: { tags, querystring: PortalQuery, response: { 200: PortalProgress, ...errors } } }, (req) => getPortalProgress(db, actorOf(req), req.query));
  app.get('/api/portal/collections', { schema: { tags, querystring: PortalQuery, response: { 200: PortalCollections, ...errors } } }, (req) => getPortalCollections(db, actorOf(req), req.query));
  app.get('/api/portal/kpis', { schema: { tags, querystring: PortalQuery, response: { 200: PortalKpis, ...errors } } }, (req) => getPortalKpis(db, actorOf(req), req.query));
  app.get('/api/portal/progress/export', { schema: { tags, querystring: ExportProgressQuery, response: { 200: z.any().meta({ description: 'text/csv (UTF-8 with BOM, ; separated) or XLSX' }), ...errors } } }, async (req, reply) => {
    const f = await exportPortalProgress(db, actorOf(req), req.query);
    return reply.type(f.contentType).header('content-disposition', `attachment; filename="${f.fileName}"`).send(f.body);
  });
  app.get('/api/portal/agency-kpis', { schema: { tags, querystring: AgencyKpisQuery, response: { 200: AgencyKpis, ...errors } } }, (req) => getAgencyKpis(db, actorOf(req), req.query));
  app.get('/api/portal/agency-kpis/export', { schema: { tags, querystring: ExportAgencyKpisQuery, response: { 200: z.any().meta({ description: 'text/csv (UTF-8 with BOM, ; separated) or XLSX' }), ...errors } } }, async (req, reply) => {
    const f = await exportAgencyKpis(db, actorOf(req), req.query);
    return reply.type(f.contentType).header('content-disposition', `attachment; filename="${f.fileName}"`).send(f.body);
  });
};

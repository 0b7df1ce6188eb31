import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getSettings } from '../../usecases/settings/get-settings.ts';
import { SettingsView, UpdateSettingsInput } from '../../usecases/settings/schema.ts';
import { updateSettings } from '../../usecases/settings/update-settings.ts';
import { recomputeRiskClasses } from '../../jobs/handlers/refresh-risk.ts';
import { actorOf } from '../auth.ts';
import { errors } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

export const settingsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db, jobs }) => {
  const tags = ['settings'];
  app.get('/api/settings', { schema: { tags, response: { 200: SettingsView, ...errors } } }, (req) => getSettings(db, actorOf(req)));
  app.patch('/api/settings', { schema: { tags, body: UpdateSettingsInput, response: { 200: SettingsView, ...errors } } }, async (req) => {
    const updated = await updateSettings(db, actorOf(req), req.body);
    // New thresholds: every class is recomputed after the answer (the job queue).
    if (req.body.riskRules !== undefined) await recomputeRiskClasses(jobs, actorOf(req).tenantId, req.log);
    return updated;
  });
};

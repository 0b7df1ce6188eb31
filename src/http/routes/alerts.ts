import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getAlertSettings } from '../../usecases/alerts/get-alert-settings.ts';
import { getLatestAlertDigest } from '../../usecases/alerts/get-latest-alert-digest.ts';
import { setAlertSettings } from '../../usecases/alerts/set-alert-settings.ts';
import { AlertSettings, AlertSettingsInput, LatestAlertDigest } from '../../usecases/alerts/schema.ts';
import { actorOf } from '../auth.ts';
import { errors } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

/** A user's daily alerts (issue 17 item 6): its choice, and its latest digest for the dashboard. */
export const alertRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['alerts'];
  app.get('/api/alerts/settings', { schema: { tags, response: { 200: AlertSettings, ...errors } } }, (req) => getAlertSettings(db, actorOf(req)));
  app.put('/api/alerts/settings', { schema: { tags, body: AlertSettingsInput, response: { 200: AlertSettings, ...errors } } }, (req) => setAlertSettings(db, actorOf(req), req.body));
  app.get('/api/alerts/latest', { schema: { tags, response: { 200: LatestAlertDigest, ...errors } } }, (req) => getLatestAlertDigest(db, actorOf(req)));
};

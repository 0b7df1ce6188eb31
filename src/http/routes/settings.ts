import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getSettings } from '../../usecases/settings/get-settings.ts';
import { SettingsView, UpdateSettingsInput } from '../../usecases/settings/schema.ts';
import { updateSettings } from '../../usecases/settings/update-settings.ts';
import { actorOf } from '../auth.ts';
import { errors } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

export const settingsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['settings'];
  app.get('/api/settings', { schema: { tags, response: { 200: SettingsView, ...errors } } }, (req) => getSettings(db, actorOf(req)));
  app.patch('/api/settings', { schema: { tags, body: UpdateSettingsInput, response: { 200: SettingsView, ...errors } } }, (req) =>
    updateSettings(db, actorOf(req), req.body),
  );
};

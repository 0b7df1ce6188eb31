import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createUser, CreateUserInput, UserView } from '../../usecases/users/create-user.ts';
import { listUsers } from '../../usecases/users/list-users.ts';
import { actorOf } from '../auth.ts';
import { errors } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

export const userRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['users'];
  app.get('/api/users', { schema: { tags, response: { 200: z.array(UserView), ...errors } } }, (req) => listUsers(db, actorOf(req)));
  app.post('/api/users', { schema: { tags, body: CreateUserInput, response: { 201: UserView, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await createUser(db, actorOf(req), req.body)),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeOwnPassword, ChangeOwnPasswordInput } from '../../usecases/users/change-own-password.ts';
import { createUser } from '../../usecases/users/create-user.ts';
import { deactivateUser } from '../../usecases/users/deactivate-user.ts';
import { listUsers } from '../../usecases/users/list-users.ts';
import { reactivateUser } from '../../usecases/users/reactivate-user.ts';
import { resetUserPassword } from '../../usecases/users/reset-user-password.ts';
import { CreateUserInput, UpdateUserInput, UserView, UserWithPasswordView } from '../../usecases/users/schema.ts';
import { updateUser } from '../../usecases/users/update-user.ts';
import { actorOf } from '../auth.ts';
import { errors, IdParams } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

export const userRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['users'];
  app.get('/api/users', { schema: { tags, response: { 200: z.array(UserView), ...errors } } }, (req) => listUsers(db, actorOf(req)));
  app.post('/api/users', { schema: { tags, body: CreateUserInput, response: { 201: UserWithPasswordView, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await createUser(db, actorOf(req), req.body)),
  );
  // Any signed-in user, for their own password (the current one is asked again).
  app.post('/api/users/me/password', { schema: { tags, body: ChangeOwnPasswordInput, response: { 204: z.null(), ...errors } } }, async (req, reply) =>
    reply.status(204).send(await changeOwnPassword(db, actorOf(req), req.body, { keepSessionToken: req.session?.token })),
  );
  app.patch('/api/users/:id', { schema: { tags, params: IdParams, body: UpdateUserInput, response: { 200: UserView, ...errors } } }, (req) =>
    updateUser(db, actorOf(req), req.params.id, req.body),
  );
  app.post('/api/users/:id/deactivate', { schema: { tags, params: IdParams, response: { 200: UserView, ...errors } } }, (req) =>
    deactivateUser(db, actorOf(req), req.params.id),
  );
  app.post('/api/users/:id/reactivate', { schema: { tags, params: IdParams, response: { 200: UserView, ...errors } } }, (req) =>
    reactivateUser(db, actorOf(req), req.params.id),
  );
  app.post('/api/users/:id/reset-password', { schema: { tags, params: IdParams, response: { 200: UserWithPasswordView, ...errors } } }, (req) =>
    resetUserPassword(db, actorOf(req), req.params.id),
  );
};

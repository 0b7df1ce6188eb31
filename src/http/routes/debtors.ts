import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createAddress } from '../../usecases/addresses/create-address.ts';
import { listAddresses } from '../../usecases/addresses/list-addresses.ts';
import { AddressView, CreateAddressInput, UpdateAddressInput } from '../../usecases/addresses/schema.ts';
import { updateAddress } from '../../usecases/addresses/update-address.ts';
import { createContact } from '../../usecases/contacts/create-contact.ts';
import { getContact } from '../../usecases/contacts/get-contact.ts';
import { listContacts } from '../../usecases/contacts/list-contacts.ts';
import { ContactView, CreateContactInput, UpdateContactInput } from '../../usecases/contacts/schema.ts';
import { updateContact } from '../../usecases/contacts/update-contact.ts';
import { createDebtor } from '../../usecases/debtors/create-debtor.ts';
import { getDebtor } from '../../usecases/debtors/get-debtor.ts';
import { getDebtorHistory, HistoryItem, HistoryQuery } from '../../usecases/debtors/get-debtor-history.ts';
import { listDebtors, ListDebtorsQuery } from '../../usecases/debtors/list-debtors.ts';
import { CreateDebtorInput, DebtorDetail, DebtorListItem, DebtorView, UpdateDebtorInput } from '../../usecases/debtors/schema.ts';
import { updateDebtor } from '../../usecases/debtors/update-debtor.ts';
import { recordAdviceChoice } from '../../usecases/risk/record-advice-choice.ts';
import { AdviceChoiceView, RecordAdviceChoiceInput } from '../../usecases/risk/schema.ts';
import { actorOf } from '../auth.ts';
import { errors, IdParams, pageOf } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';
import { requestLocale } from '../errors.ts';

export const debtorRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['debtors'];
  app.get('/api/debtors', { schema: { tags, querystring: ListDebtorsQuery, response: { 200: pageOf(DebtorListItem), ...errors } } }, (req) =>
    listDebtors(db, actorOf(req), req.query),
  );
  app.post('/api/debtors', { schema: { tags, body: CreateDebtorInput, response: { 201: DebtorDetail, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await createDebtor(db, actorOf(req), req.body)),
  );
  app.get('/api/debtors/:id', { schema: { tags, params: IdParams, response: { 200: DebtorDetail, ...errors } } }, (req) =>
    getDebtor(db, actorOf(req), req.params.id, requestLocale(req)),
  );
  app.post(
    '/api/debtors/:id/advice',
    { schema: { tags, params: IdParams, body: RecordAdviceChoiceInput, response: { 201: AdviceChoiceView, ...errors } } },
    async (req, reply) => reply.status(201).send(await recordAdviceChoice(db, actorOf(req), req.params.id, req.body, requestLocale(req))),
  );
  app.patch(
    '/api/debtors/:id',
    { schema: { tags, params: IdParams, body: UpdateDebtorInput, response: { 200: DebtorView, ...errors } } },
    (req) => updateDebtor(db, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/debtors/:id/history',
    { schema: { tags, params: IdParams, querystring: HistoryQuery, response: { 200: pageOf(HistoryItem), ...errors } } },
    (req) => getDebtorHistory(db, actorOf(req), req.params.id, req.query, requestLocale(req)),
  );

  // Contacts
  app.get(
    '/api/debtors/:id/contacts',
    { schema: { tags: ['contacts'], params: IdParams, response: { 200: z.array(ContactView), ...errors } } },
    (req) => listContacts(db, actorOf(req), req.params.id),
  );
  app.post(
    '/api/debtors/:id/contacts',
    { schema: { tags: ['contacts'], params: IdParams, body: CreateContactInput, response: { 201: ContactView, ...errors } } },
    async (req, reply) => reply.status(201).send(await createContact(db, actorOf(req), req.params.id, req.body)),
  );
  app.get('/api/contacts/:id', { schema: { tags: ['contacts'], params: IdParams, response: { 200: ContactView, ...errors } } }, (req) =>
    getContact(db, actorOf(req), req.params.id),
  );
  app.patch(
    '/api/contacts/:id',
    { schema: { tags: ['contacts'], params: IdParams, body: UpdateContactInput, response: { 200: ContactView, ...errors } } },
    (req) => updateContact(db, actorOf(req), req.params.id, req.body),
  );

  // Addresses
  app.get(
    '/api/debtors/:id/addresses',
    { schema: { tags: ['addresses'], params: IdParams, response: { 200: z.array(AddressView), ...errors } } },
    (req) => listAddresses(db, actorOf(req), req.params.id),
  );
  app.post(
    '/api/debtors/:id/addresses',
    { schema: { tags: ['addresses'], params: IdParams, body: CreateAddressInput, response: { 201: AddressView, ...errors } } },
    async (req, reply) => reply.status(201).send(await createAddress(db, actorOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/addresses/:id',
    { schema: { tags: ['addresses'], params: IdParams, body: UpdateAddressInput, response: { 200: AddressView, ...errors } } },
    (req) => updateAddress(db, actorOf(req), req.params.id, req.body),
  );
};

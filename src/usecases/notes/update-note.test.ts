import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { AppError } from '../../domain/errors.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestDebtor, createTestTenant, type TestTenant } from '../../test/factories.ts';
import { createNote } from './create-note.ts';
import { amendNote } from './update-note.ts';

let database: Database;
let t: TestTenant;

beforeAll(async () => {
  database = await openTestDatabase();
  t = await createTestTenant(database.db);
});
afterAll(async () => {
  await database?.close();
});

describe('editing a note on a transaction the caller holds', () => {
  // Two connections at once: PostgreSQL only (the embedded engine has one connection, edits queue).
  it.runIf(Boolean(process.env.DATABASE_URL))('two edits of the same version: the second waits for the first and is refused, never lost', async () => {
    const actor = t.users.admin.actor;
    const d = await createTestDebtor(database.db, t);
    const note = await createNote(database.db, actor, { debtorId: d.id, body: 'Prima versione' });
    let commitFirst!: () => void;
    const held = new Promise<void>((resolve) => (commitFirst = resolve));
    let firstEdited!: () => void;
    const edited = new Promise<void>((resolve) => (firstEdited = resolve));
    const first = database.db.transaction().execute(async (trx) => {
      await amendNote(trx, actor, note.id, { body: 'Modifica A', version: note.version });
      firstEdited();
      await held;
    });
    await edited;
    const second = database.db
      .transaction()
      .execute((trx) => amendNote(trx, actor, note.id, { body: 'Modifica B', version: note.version }))
      .catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 300));
    commitFirst();
    await first;
    const err = await second;
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('conflict');
    const stored = await database.db.selectFrom('notes').select(['body', 'version']).where('id', '=', note.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ body: 'Modifica A', version: note.version + 1 });
  });
});

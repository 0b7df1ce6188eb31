import type { Db } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { assertId } from '../shared/scope.ts';
import { visibleCommunications } from './communication-query.ts';
import type { StoredFile } from './schema.ts';

const fileSafe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_');

/**
 * A communication's document exactly as it was stored: the PDF (letters, and the statement an
 * operator reads on a phone call), else the HTML e-mail (its UTF-8 bytes) — with the SHA-256
 * recorded when it was stored, so whoever downloads it can check nothing changed since. A letter
 * whose PDF is not rendered yet has no document.
 */
export async function getCommunicationDocument(db: Db, actor: Actor, id: string): Promise<StoredFile> {
  authorize(actor, 'read', 'communication');
  assertId(id, 'communication');
  const row = await visibleCommunications(db, actor)
    .select(['c.id', 'c.ref_no', 'c.channel', 'c.pdf', 'c.body_html', 'c.sha256'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('communication');
  const base = `comunicazione-${fileSafe(row.ref_no)}-${row.channel}`;
  if (row.sha256 === null) throw notFound('communication_document');
  if (row.pdf) return { bytes: row.pdf, contentType: 'application/pdf', fileName: `${base}.pdf`, sha256: row.sha256 };
  if (row.body_html !== null) {
    return { bytes: Buffer.from(row.body_html, 'utf8'), contentType: 'text/html; charset=utf-8', fileName: `${base}.html`, sha256: row.sha256 };
  }
  throw notFound('communication_document');
}

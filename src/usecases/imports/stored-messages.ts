import type { StoredMessage, StoredRowProblem } from '../../db/schema.ts';
import { asMessage, isMessageCode, msg, translate, type Locale, type Message } from '../../domain/messages/index.ts';

/**
 * What an import stores for people to read later (the reasons a row was rejected, the job's notes,
 * why it failed) is a message code with its params, rendered only when read, in the reader's
 * language. Rows and jobs stored before codes existed carry Italian text: shown as it is.
 */

/** A rejected row's reason as stored in `import_rejects.problems`. */
export function storeProblem(field: string | null, column: string | null, m: Message): StoredRowProblem {
  return { field, column, code: m.code, ...(m.params ? { params: m.params } : {}) };
}

/** A job's note as stored in `import_jobs.warnings`. */
export function storeNote(m: Message): StoredMessage {
  return m.params ? { code: m.code, params: m.params } : { code: m.code };
}

/** The message of a stored reason or note, whichever shape it was stored in. */
export function storedMessage(stored: StoredMessage | StoredRowProblem): Message {
  if (typeof stored === 'string') return asMessage(stored);
  if (stored.code !== undefined && isMessageCode(stored.code)) return msg(stored.code, stored.params);
  return asMessage(('message' in stored ? stored.message : undefined) ?? stored.code ?? '');
}

/** A stored reason as the API and the CLI show it. */
export function renderProblem(p: StoredRowProblem, locale: Locale): { field: string | null; column: string | null; message: string } {
  return { field: p.field ?? null, column: p.column ?? null, message: translate(storedMessage(p), locale) };
}

/** A stored note, or a text column holding an encoded message (a job's error, a review's reason). */
export function renderNote(stored: StoredMessage, locale: Locale): string {
  return translate(storedMessage(stored), locale);
}

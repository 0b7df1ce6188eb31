import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, RateLimitedError, type ErrorCode, type FieldError } from '../domain/errors.ts';

/** The one place where error codes become HTTP statuses. */
const STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  validation: 400,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

export interface ErrorBody {
  error: { code: string; message: string; fields: FieldError[]; requestId?: string };
}

const body = (code: string, message: string, fields: FieldError[] = [], requestId?: string): ErrorBody => ({
  error: { code, message, fields, ...(requestId ? { requestId } : {}) },
});

/** Unique keys a user can run into, worded for the field that carries them. */
const UNIQUE_FIELDS: Record<string, { path: string; message: string }> = {
  debtors_tenant_tax_code: { path: 'taxCode', message: 'Esiste già un debitore con questo codice fiscale (a debtor with this tax code exists)' },
  debtors_tenant_vat: { path: 'vatNumber', message: 'Esiste già un debitore con questa partita IVA (a debtor with this VAT number exists)' },
};

/** PostgreSQL errors that mean "your data" rather than "our bug". */
function fromPostgres(err: { code?: string; constraint?: string }): { status: number; body: ErrorBody } | null {
  switch (err.code) {
    case '23505': {
      const field = UNIQUE_FIELDS[err.constraint ?? ''];
      if (field) return { status: 409, body: body('conflict', field.message, [{ path: field.path, message: field.message }]) };
      return { status: 409, body: body('conflict', `Valore già presente (${err.constraint ?? 'unique'}) (duplicate value)`) };
    }
    case '23514':
    case '23502':
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return { status: 400, body: body('validation', `Dati non validi (${err.constraint ?? err.code}) (invalid input)`) };
    // Text PostgreSQL cannot store (NUL, invalid in the encoding): a field the schemas missed.
    case '22021':
    case '22P05':
    case '22025':
      return { status: 400, body: body('validation', 'Testo con caratteri non ammessi, ad es. NUL (text with characters that cannot be stored)') };
    case '23503':
      return { status: 400, body: body('validation', 'Riferimento a un record inesistente (reference to a missing record)') };
    case '40001':
    case '40P01':
      return { status: 409, body: body('conflict', 'Modifica concorrente: riprovare (concurrent change, retry)') };
    default:
      return null;
  }
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError & { code?: string; constraint?: string }, req, reply) => {
    if (err instanceof AppError) {
      if (err instanceof RateLimitedError) void reply.header('retry-after', String(err.retryAfterSeconds));
      return reply.status(STATUS[err.code]).send(body(err.code, err.message, err.fields));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext === 'querystring' ? 'query.' : err.validationContext === 'params' ? 'params.' : '';
      const fields = err.validation.flatMap((v) => {
        const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        const message = v.message ?? 'non valido (invalid)';
        const keys = v.keyword === 'unrecognized_keys' ? (v.params as { keys?: string[] }).keys : undefined;
        if (keys) return keys.map((k) => ({ path: where + (path ? `${path}.${k}` : k), message }));
        return [{ path: where + (path || '(body)'), message }];
      });
      const message =
        err.validationContext === 'params' ? 'Risorsa non trovata (not found)' : 'Dati non validi (invalid input)';
      if (err.validationContext === 'params') return reply.status(404).send(body('not_found', message));
      return reply.status(400).send(body('validation', message, fields));
    }
    if (err.code === 'INCASSO_BODY_ENCODING' && (err.statusCode === 400 || err.statusCode === 415)) {
      return reply.status(err.statusCode).send(body('validation', err.message));
    }
    if (err.statusCode === 429) {
      return reply.status(429).send(body('rate_limited', 'Troppi tentativi: riprovare tra poco (too many attempts, retry later)'));
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.statusCode === 415) {
      return reply.status(415).send(body('validation', 'Inviare JSON (Content-Type: application/json) (send JSON)'));
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send(body('validation', 'Richiesta troppo grande (request too large)'));
    }
    if (err.statusCode === 400 && (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError)) {
      return reply.status(400).send(body('validation', 'JSON non valido (malformed JSON)'));
    }
    if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.status(400).send(body('validation', 'Corpo JSON vuoto (empty JSON body)'));
    }
    const pgMapped = fromPostgres(err);
    if (pgMapped) {
      req.log.warn({ err }, 'database refused a change');
      return reply.status(pgMapped.status).send(pgMapped.body);
    }
    if (isResponseSerializationError(err)) req.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
    else req.log.error({ err }, 'unexpected error');
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status < 500) return reply.status(status).send(body('validation', err.message));
    return reply
      .status(500)
      .send(body('internal', 'Errore interno: è stato registrato (internal error, logged)', [], String(req.id)));
  });

  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send(body('not_found', 'Risorsa non trovata (not found)'));
  });
}

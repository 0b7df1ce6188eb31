import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, RateLimitedError, fieldError, fieldMessage, normaliseField, type ErrorCode, type FieldError } from '../domain/errors.ts';
import {
  DEFAULT_LOCALE,
  isLocale,
  localeFromAcceptLanguage,
  msg,
  plainParams,
  rawText,
  encodeMessage,
  translate,
  type Locale,
  type Message,
  type MessageCode,
  type MessageParams,
} from '../domain/messages/index.ts';
import { BodyEncodingError } from './json-body.ts';

/** The one place where error codes become HTTP statuses. */
const STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  validation: 400,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  unprocessable: 422,
};

export interface WireFieldError {
  path: string;
  message: string;
  messageCode: MessageCode;
  params: MessageParams;
}
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    messageCode: MessageCode;
    params: MessageParams;
    fields: WireFieldError[];
    requestId?: string;
  };
}

/**
 * The reader's language: what the client asks for in Accept-Language (the web UI sends its chosen
 * language there), else the signed-in user's stored locale, else Italian.
 */
export function requestLocale(req: Pick<FastifyRequest, 'headers'> & { session?: { user: { locale: string } } | null }): Locale {
  const asked = localeFromAcceptLanguage(req.headers['accept-language']);
  if (asked) return asked;
  const stored = req.session?.user.locale;
  return isLocale(stored) ? stored : DEFAULT_LOCALE;
}

const body = (locale: Locale, code: string, message: Message, fields: FieldError[] = [], requestId?: string): ErrorBody => ({
  error: {
    code,
    message: translate(message, locale),
    messageCode: message.code,
    params: plainParams(message.params),
    fields: fields.map((f) => {
      const m = fieldMessage(f);
      return { path: f.path, message: translate(m, locale), messageCode: m.code, params: plainParams(m.params) };
    }),
    ...(requestId ? { requestId } : {}),
  },
});

/** Unique keys a user can run into, worded for the field that carries them. */
const UNIQUE_FIELDS: Record<string, { path: string; code: MessageCode }> = {
  debtors_tenant_tax_code: { path: 'taxCode', code: 'records.debtor_tax_code_taken' },
  debtors_tenant_vat: { path: 'vatNumber', code: 'records.debtor_vat_taken' },
};
const encodeInvalid = encodeMessage(msg('field.invalid'));

/** PostgreSQL errors that mean "your data" rather than "our bug". */
function fromPostgres(locale: Locale, err: { code?: string; constraint?: string }): { status: number; body: ErrorBody } | null {
  switch (err.code) {
    case '23505': {
      const field = UNIQUE_FIELDS[err.constraint ?? ''];
      if (field) return { status: 409, body: body(locale, 'conflict', msg(field.code), [fieldError(field.path, field.code)]) };
      return { status: 409, body: body(locale, 'conflict', msg('error.duplicate', { constraint: err.constraint ?? 'unique' })) };
    }
    case '23514':
    case '23502':
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return { status: 400, body: body(locale, 'validation', msg('error.db_invalid', { detail: err.constraint ?? err.code })) };
    // Text PostgreSQL cannot store (NUL, invalid in the encoding): a field the schemas missed.
    case '22021':
    case '22P05':
    case '22025':
      return { status: 400, body: body(locale, 'validation', msg('http.text_not_storable')) };
    case '23503':
      return { status: 400, body: body(locale, 'validation', msg('error.missing_reference')) };
    case '40001':
    case '40P01':
      return { status: 409, body: body(locale, 'conflict', msg('error.concurrent_change')) };
    default:
      return null;
  }
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError & { code?: string; constraint?: string }, req, reply) => {
    const locale = requestLocale(req);
    if (err instanceof AppError) {
      if (err instanceof RateLimitedError) void reply.header('retry-after', String(err.retryAfterSeconds));
      return reply.status(STATUS[err.code]).send(body(locale, err.code, err.msg, err.fields));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext === 'querystring' ? 'query.' : err.validationContext === 'params' ? 'params.' : '';
      const fields = err.validation.flatMap((v) => {
        const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        const message = v.message ?? encodeInvalid;
        const keys = v.keyword === 'unrecognized_keys' ? (v.params as { keys?: string[] }).keys : undefined;
        if (keys) return keys.map((k) => normaliseField({ path: where + (path ? `${path}.${k}` : k), message }));
        return [normaliseField({ path: where + (path || '(body)'), message })];
      });
      if (err.validationContext === 'params') return reply.status(404).send(body(locale, 'not_found', msg('error.not_found')));
      return reply.status(400).send(body(locale, 'validation', msg('error.invalid_input'), fields));
    }
    if (err.code === 'INCASSO_BODY_ENCODING' && (err.statusCode === 400 || err.statusCode === 415)) {
      return reply.status(err.statusCode).send(body(locale, 'validation', err instanceof BodyEncodingError ? err.msg : rawText(err.message)));
    }
    if (err.statusCode === 429) {
      return reply.status(429).send(body(locale, 'rate_limited', msg('error.rate_limited')));
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.statusCode === 415) {
      return reply.status(415).send(body(locale, 'validation', msg('error.send_json')));
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send(body(locale, 'validation', msg('error.too_large')));
    }
    if (err.statusCode === 400 && (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError)) {
      return reply.status(400).send(body(locale, 'validation', msg('error.malformed_json')));
    }
    if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.status(400).send(body(locale, 'validation', msg('error.empty_json')));
    }
    const pgMapped = fromPostgres(locale, err);
    if (pgMapped) {
      req.log.warn({ err }, 'database refused a change');
      return reply.status(pgMapped.status).send(pgMapped.body);
    }
    if (isResponseSerializationError(err)) req.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
    else req.log.error({ err }, 'unexpected error');
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status < 500) return reply.status(status).send(body(locale, 'validation', rawText(err.message)));
    return reply.status(500).send(body(locale, 'internal', msg('error.internal'), [], String(req.id)));
  });

  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send(body(requestLocale(req), 'not_found', msg('error.not_found')));
  });
}

import { asMessage, msg, translate, type Locale, type Message, type MessageCode, type MessageParams } from './messages/index.ts';

/**
 * Typed failures of use cases. The HTTP layer maps codes to status codes in one place. A failure's
 * message is a code plus params (src/domain/messages), rendered in the reader's language where it is
 * shown; `message` stays the Italian text for logs and callers that print it as it is. `fields` carries
 * per-field messages for forms. A plain string is still accepted (shown as written in every language).
 */
export type ErrorCode =
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'validation'
  | 'conflict'
  | 'rate_limited'
  | 'unavailable'
  /** Well-formed input that a rule of the law or the agency refuses in the present state (422). */
  | 'unprocessable';

export interface FieldError {
  path: string;
  /** Italian text (for logs, the CLI and older callers). */
  message: string;
  messageCode?: MessageCode;
  params?: MessageParams;
}

/** A field error from a coded message. */
export function fieldError(path: string, code: MessageCode, params?: MessageParams): FieldError {
  const m = msg(code, params);
  return { path, message: translate(m, 'it'), messageCode: code, ...(params ? { params } : {}) };
}

/** The coded message of a field error (a plain or zod-encoded text is decoded). */
export function fieldMessage(f: FieldError): Message {
  return f.messageCode ? msg(f.messageCode, f.params) : asMessage(f.message);
}

/** A field error whose message is decoded, so `message` is readable Italian and the code is kept. */
export function normaliseField(f: FieldError): FieldError {
  if (f.messageCode) return f;
  const m = asMessage(f.message);
  if (m.code === 'text') return f;
  return { path: f.path, message: translate(m, 'it'), messageCode: m.code, ...(m.params ? { params: m.params } : {}) };
}

export class AppError extends Error {
  readonly msg: Message;
  readonly fields: FieldError[];
  constructor(
    readonly code: ErrorCode,
    message: string | Message,
    fields: FieldError[] = [],
  ) {
    const m = asMessage(message);
    super(translate(m, 'it'));
    this.name = 'AppError';
    this.msg = m;
    this.fields = fields.map(normaliseField);
  }
}

export type NotFoundWhat = Extract<MessageCode, `not_found.${string}`> extends `not_found.${infer W}` ? W : never;

/** `notFound('claim')`, or a coded message such as `msg('not_found.creditor_named', { name })`. */
export const notFound = (what: NotFoundWhat | Message) => new AppError('not_found', typeof what === 'string' ? msg(`not_found.${what}`) : what);

export const forbidden = (why: string | Message = msg('error.forbidden')) => new AppError('forbidden', why);
export const invalid = (fields: FieldError[], message: string | Message = msg('error.invalid_input')) =>
  new AppError('validation', message, fields);
export const conflict = (message: string | Message) => new AppError('conflict', message);
export const unprocessable = (message: Message, fields: FieldError[] = []) => new AppError('unprocessable', message, fields);

/** A failure as its reader sees it: the message, then one line per field (for the CLI). */
export function renderAppError(err: AppError, locale: Locale): { message: string; fields: { path: string; message: string }[] } {
  return {
    message: translate(err.msg, locale),
    fields: err.fields.map((f) => ({ path: f.path, message: translate(fieldMessage(f), locale) })),
  };
}

/** Too many attempts: the caller may try again after `retryAfterSeconds` (HTTP Retry-After). */
export class RateLimitedError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    message: string | Message = msg('error.rate_limited'),
  ) {
    super('rate_limited', message);
  }
}

/**
 * Typed failures of use cases. The HTTP layer maps codes to status codes in one place; the CLI prints
 * the message. `fields` carries per-field messages for forms.
 */
export type ErrorCode =
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'validation'
  | 'conflict'
  | 'rate_limited'
  | 'unavailable';

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} non trovato (not found)`);
export const forbidden = (why = 'Operazione non consentita al tuo ruolo (not allowed for your role)') =>
  new AppError('forbidden', why);
export const invalid = (fields: FieldError[], message = 'Dati non validi (invalid input)') =>
  new AppError('validation', message, fields);
export const conflict = (message: string) => new AppError('conflict', message);

/** Too many attempts: the caller may try again after `retryAfterSeconds` (HTTP Retry-After). */
export class RateLimitedError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Troppi tentativi: riprovare tra poco (too many attempts, retry later)',
  ) {
    super('rate_limited', message);
  }
}

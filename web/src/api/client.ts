/**
 * The one door to the server: openapi-fetch over the generated `schema.d.ts` (paths, parameters and
 * bodies checked at compile time), same-origin session cookie. Every failure becomes an ApiError
 * carrying the server's `code`, `message` and per-field errors.
 */
import createClient from 'openapi-fetch';
import { currentLocale } from '../i18n';
import type { paths } from './schema';
import type { FieldError } from './types';

export type ErrorCode =
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'validation'
  | 'conflict'
  | 'rate_limited'
  | 'unavailable'
  | 'unprocessable'
  | 'network'
  | 'unknown';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'validation',
  429: 'rate_limited',
  503: 'unavailable',
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

let onUnauthenticated: (() => void) | null = null;
/** Called whenever the server answers 401 (except to a login attempt): the app goes back to login. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** Typed client of the incasso API; use it through `call`, which turns failures into ApiError. */
export const http = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
// The server answers its messages (errors, field problems) in the language chosen in the UI.
http.use({
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLocale());
    return request;
  },
});

function toApiError(response: Response, body: unknown): ApiError {
  const fallback = STATUS_CODES[response.status] ?? (response.status >= 500 ? 'unavailable' : 'unknown');
  // `message` (and each field's) arrives in the UI's language (Accept-Language above).
  const e = (body as { error?: { code?: string; message?: string; fields?: FieldError[] } } | undefined)?.error;
  if (e && typeof e === 'object') {
    return new ApiError(
      response.status,
      (e.code as ErrorCode | undefined) ?? fallback,
      e.message ?? response.statusText,
      Array.isArray(e.fields) ? e.fields : [],
    );
  }
  return new ApiError(response.status, fallback, response.statusText || `HTTP ${response.status}`);
}

/**
 * Awaits an openapi-fetch call: its data, or an ApiError. A 401 (other than a refused login) also
 * tells the app that the session is gone.
 */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await request;
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', e instanceof Error ? e.message : 'network error');
  }
  const { data, error, response } = result;
  if (!response.ok) {
    const apiError = toApiError(response, error);
    if (response.status === 401 && !response.url.endsWith('/api/auth/login')) onUnauthenticated?.();
    throw apiError;
  }
  return data as T;
}

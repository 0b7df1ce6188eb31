const BASE = 'http://incasso.invalid';

/**
 * Where to go after login: only a path inside this app. Anything else — another origin (`//host`,
 * `/\host`, which browsers read as `//host`), a scheme (`javascript:`), control characters or
 * whitespace (browsers drop tabs and newlines, turning `/\t/host` into `//host`), a malformed
 * escape — falls back to `/`, never to an error view.
 */
export function safeNext(raw: string | null | undefined): string {
  if (!raw || raw[0] !== '/' || raw[1] === '/' || raw[1] === '\\') return '/';
  // Backslashes, C0 controls, DEL, spaces and the Unicode line/paragraph separators have no place in our paths.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\\\u0000-\u0020\u007f\u2028\u2029]/.test(raw)) return '/';
  let url: URL;
  try {
    url = new URL(raw, BASE);
    decodeURI(url.pathname);
  } catch {
    return '/';
  }
  if (url.origin !== BASE) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('//') ? '/' : path;
}

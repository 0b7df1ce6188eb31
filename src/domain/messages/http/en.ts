import type { HttpCatalogue } from './it.ts';

export const httpEn: HttpCatalogue = {
  'http.unsupported_charset': 'Encoding {charset} not supported: send JSON encoded as UTF-8',
  'http.invalid_utf8': 'The request body is not valid UTF-8',
  'http.text_not_storable': 'Text with characters that cannot be stored, e.g. NUL',
};

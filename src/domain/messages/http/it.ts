/** Messages of the HTTP layer itself: request bodies and what the database refuses to store. */
export const httpIt = {
  'http.unsupported_charset': 'Codifica {charset} non supportata: inviare JSON in UTF-8',
  'http.invalid_utf8': 'Il corpo della richiesta non è UTF-8 valido',
  'http.text_not_storable': 'Testo con caratteri non ammessi, ad es. NUL',
} as const;

/** A language's texts for these codes. */
export type HttpCatalogue = { readonly [K in keyof typeof httpIt]: string };

import type { HttpCatalogue } from './it.ts';

export const httpDe: HttpCatalogue = {
  'http.unsupported_charset': 'Zeichenkodierung {charset} nicht unterstützt: JSON in UTF-8 senden',
  'http.invalid_utf8': 'Der Inhalt der Anfrage ist kein gültiges UTF-8',
  'http.text_not_storable': 'Text mit nicht speicherbaren Zeichen, z. B. NUL',
};

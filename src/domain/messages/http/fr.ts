import type { HttpCatalogue } from './it.ts';

export const httpFr: HttpCatalogue = {
  'http.unsupported_charset': 'Encodage {charset} non pris en charge : envoyez du JSON en UTF-8',
  'http.invalid_utf8': 'Le corps de la requête n’est pas en UTF-8 valide',
  'http.text_not_storable': 'Texte avec des caractères qui ne peuvent pas être enregistrés, p. ex. NUL',
};

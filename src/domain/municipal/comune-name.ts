import type { Locale } from '../messages/index.ts';

/*
 * How a public entity is named in a letter. Its name is a proper name, written as the entity writes it
 * ("Comune di Valdoria", "Città di Torino", "Gemeinde Bozen"), in every language of the letter. A name
 * recorded without the kind of entity ("Valdoria") is a comune's: it gets "Comune di " in front, and a
 * name that already has it is never doubled (the "ufficio entrate di Comune di Valdoria").
 */

/** Words a public entity's name starts with (Italian and German, as used in Alto Adige). */
const ENTITY_WORDS =
  /^(comune|città|citta|provincia|regione|unione|comunità|comunita|consorzio|municipio|città metropolitana|gemeinde|marktgemeinde|stadtgemeinde|bezirksgemeinschaft|commune|ville)(?=\s|$)/iu;

/** The entity's name for a letter: as written, with "Comune di " in front when it names no kind of entity. */
export function comuneName(name: string): string {
  const n = name.trim().replace(/\s+/g, ' ');
  return ENTITY_WORDS.test(n) ? n : `Comune di ${n}`;
}

/** The article an Italian entity word takes after "di" (del Comune, della Città, dell'Unione). */
function italianOf(name: string): string {
  const first = name.split(' ')[0]!.toLowerCase();
  if (/^(città|citta|provincia|regione|comunità|comunita)$/.test(first)) return `della ${name}`;
  if (/^(unione)$/.test(first)) return `dell’${name}`;
  if (/^(comune|consorzio|municipio)$/.test(first)) return `del ${name}`;
  return `di ${name}`;
}

/**
 * "Of the entity" after a noun in the reader's language — "ufficio entrate {of}", "per conto {of}":
 * it "del Comune di Valdoria", en "of the Comune di Valdoria", de "der Gemeinde Bozen" / "von Comune
 * di Valdoria", fr "du Comune di Valdoria" / "de la Commune de …".
 */
export function comuneOf(name: string, language: Locale): string {
  const n = comuneName(name);
  const first = n.split(' ')[0]!.toLowerCase();
  switch (language) {
    case 'it':
      return italianOf(n);
    case 'en':
      return `of the ${n}`;
    case 'de':
      return /gemeinde$/.test(first) || first === 'bezirksgemeinschaft' ? `der ${n}` : `von ${n}`;
    case 'fr':
      return first === 'commune' || first === 'ville' ? `de la ${n}` : `du ${n}`;
  }
}

/**
 * "Of the creditor" for any creditor: a public entity as {@link comuneOf}, anyone else by its name as
 * written ("di Ferramenta Dell’Orto S.r.l."). The template variable `{creditorOf}`.
 */
export function creditorOf(name: string, isPublicEntity: boolean, language: Locale): string {
  if (isPublicEntity) return comuneOf(name, language);
  const by: Record<Locale, string> = { it: 'di', en: 'of', de: 'von', fr: 'de' };
  return `${by[language]} ${name}`;
}

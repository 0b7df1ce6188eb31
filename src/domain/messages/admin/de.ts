import type { AdminCatalogue } from './it.ts';

export const adminDe: AdminCatalogue = {
  'admin.last_active_admin': 'Es braucht mindestens einen aktiven Administrator',
  'admin.current_password_wrong': 'Aktuelles Passwort falsch',
  'admin.new_password_same': 'Das neue Passwort muss sich vom aktuellen unterscheiden',
  'admin.email_unusable': 'Diese E-Mail-Adresse kann nicht verwendet werden: bitte eine andere wählen',
  'admin.email_unusable_field': 'E-Mail-Adresse nicht verwendbar',
  'admin.viewer_needs_creditor': 'Ein Benutzer mit Lesezugriff gehört zu einem Auftraggeber',
  'admin.only_viewers_have_creditor': 'Nur Benutzer mit Lesezugriff sind an einen Auftraggeber gebunden',

  'admin.password_blank': 'Das Passwort darf nicht leer sein oder nur aus Leerzeichen bestehen',
  'admin.password_too_short': 'Das Passwort braucht mindestens {min} Zeichen',
  'admin.password_too_long': 'Das Passwort darf höchstens {max} Zeichen haben',
  'admin.password_email': 'Das Passwort darf die E-Mail-Adresse nicht enthalten',
  'admin.password_name': 'Das Passwort darf den Namen des Benutzers nicht enthalten',
  'admin.password_common': 'Passwort zu verbreitet oder leicht zu erraten: bitte ein anderes wählen',

  'admin.tenant_slug_format': 'Slug: Kleinbuchstaben, Ziffern und -',
  'admin.tenant_exists': 'Die Organisation "{slug}" existiert bereits',
  'admin.start_refused':
    'Start verweigert: HOST={host} würde die Demo-Zugänge mit veröffentlichtem Passwort im Netz zugänglich machen ({logins}). ' +
    'Auf 127.0.0.1 starten (HOST nicht gesetzt), die Demo-Benutzer deaktivieren / ihre Passwörter ändern oder eine Datenbank ohne Demo verwenden',
  'admin.cli_no_tenant':
    'Diese Datenbank hat noch keine Organisation: die Demodaten mit `incasso demo` laden oder eine anlegen mit ' +
    '`incasso tenant create --slug <slug> --name "<Name>"`',
  'admin.cli_tenant_not_found': 'Organisation "{slug}" nicht gefunden; vorhanden: {list}',
  'admin.cli_several_tenants': 'Mehrere Organisationen ({list}): --tenant <slug> angeben',
  'admin.demo_to_load': 'Demodaten noch zu laden',
  'admin.no_tenant_yet':
    'die Datenbank hat noch keine Organisation: eine anlegen mit\n' +
    '  incasso tenant create --slug <slug> --name "<Name>"  und  incasso user create --tenant <slug> …\n' +
    '  oder die Demodaten laden mit  incasso demo  (nur auf einem Rechner, den sonst niemand erreicht).',
};

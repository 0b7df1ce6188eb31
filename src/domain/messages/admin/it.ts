/** Messages of the administration: users, passwords, organisations (tenants), starting the server. */
export const adminIt = {
  // Users
  'admin.last_active_admin': 'Serve almeno un amministratore attivo',
  'admin.current_password_wrong': 'Password attuale errata',
  'admin.new_password_same': 'La nuova password deve essere diversa dall’attuale',
  'admin.email_unusable': 'Indirizzo e-mail non utilizzabile: sceglierne un altro',
  'admin.email_unusable_field': 'Indirizzo e-mail non utilizzabile',
  'admin.viewer_needs_creditor': 'Un utente in sola lettura appartiene a un mandante',
  'admin.only_viewers_have_creditor': 'Solo gli utenti in sola lettura sono legati a un mandante',

  // Password policy (src/domain/password-policy.ts)
  'admin.password_blank': 'La password non può essere vuota o fatta solo di spazi',
  'admin.password_too_short': 'Password di almeno {min} caratteri',
  'admin.password_too_long': 'Password di al massimo {max} caratteri',
  'admin.password_email': 'La password non può contenere l’indirizzo e-mail',
  'admin.password_name': 'La password non può contenere il nome dell’utente',
  'admin.password_common': 'Password troppo comune o facile da indovinare: sceglierne un’altra',

  // Organisations (tenants) and the server
  'admin.tenant_slug_format': 'Slug: lettere minuscole, cifre e -',
  'admin.tenant_exists': 'L’organizzazione "{slug}" esiste già',
  'admin.start_refused':
    'Avvio rifiutato: HOST={host} esporrebbe in rete i log-in demo con password pubblicata ({logins}). ' +
    'Avvia su 127.0.0.1 (HOST non impostato), oppure disattiva gli utenti demo / cambia le loro password, o usa un database senza demo',
  'admin.cli_no_tenant':
    'Questo database non ha ancora organizzazioni: caricate i dati demo con `incasso demo`, oppure createne una con ' +
    '`incasso tenant create --slug <slug> --name "<nome>"`',
  'admin.cli_tenant_not_found': 'Organizzazione "{slug}" non trovata; esistenti: {list}',
  'admin.cli_several_tenants': 'Più organizzazioni ({list}): indicare --tenant <slug>',
  'admin.demo_to_load': 'dati demo da caricare',
  'admin.no_tenant_yet':
    'il database non ha ancora organizzazioni: createne una con\n' +
    '  incasso tenant create --slug <slug> --name "<nome>"  e  incasso user create --tenant <slug> …\n' +
    '  oppure caricate i dati demo con  incasso demo  (solo su una macchina che nessun altro raggiunge).',
} as const;

/** A language's texts for these codes. */
export type AdminCatalogue = { readonly [K in keyof typeof adminIt]: string };

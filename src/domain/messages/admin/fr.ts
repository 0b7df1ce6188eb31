import type { AdminCatalogue } from './it.ts';

export const adminFr: AdminCatalogue = {
  'admin.last_active_admin': 'Il faut au moins un administrateur actif',
  'admin.current_password_wrong': 'Mot de passe actuel incorrect',
  'admin.new_password_same': 'Le nouveau mot de passe doit être différent de l’actuel',
  'admin.email_unusable': 'Cette adresse e-mail ne peut pas être utilisée : choisissez-en une autre',
  'admin.email_unusable_field': 'Adresse e-mail inutilisable',
  'admin.viewer_needs_creditor': 'Un utilisateur en lecture seule appartient à un mandant',
  'admin.only_viewers_have_creditor': 'Seuls les utilisateurs en lecture seule sont liés à un mandant',

  'admin.password_blank': 'Le mot de passe ne peut pas être vide ni composé uniquement d’espaces',
  'admin.password_too_short': 'Le mot de passe doit comporter au moins {min} caractères',
  'admin.password_too_long': 'Le mot de passe peut comporter au plus {max} caractères',
  'admin.password_email': 'Le mot de passe ne peut pas contenir l’adresse e-mail',
  'admin.password_name': 'Le mot de passe ne peut pas contenir le nom de l’utilisateur',
  'admin.password_common': 'Mot de passe trop courant ou facile à deviner : choisissez-en un autre',

  'admin.tenant_slug_format': 'Slug : lettres minuscules, chiffres et -',
  'admin.tenant_exists': 'L’organisation « {slug} » existe déjà',
  'admin.start_refused':
    'Démarrage refusé : HOST={host} exposerait au réseau les accès de démonstration dont le mot de passe est publié ({logins}). ' +
    'Démarrez sur 127.0.0.1 (HOST non défini), ou désactivez les utilisateurs de démonstration / changez leurs mots de passe, ou utilisez une base sans démonstration',
  'admin.cli_no_tenant':
    'Cette base de données n’a encore aucune organisation : chargez les données de démonstration avec `incasso demo`, ou créez-en une avec ' +
    '`incasso tenant create --slug <slug> --name "<nom>"`',
  'admin.cli_tenant_not_found': 'Organisation « {slug} » introuvable ; existantes : {list}',
  'admin.cli_several_tenants': 'Plusieurs organisations ({list}) : indiquez --tenant <slug>',
  'admin.demo_to_load': 'données de démonstration à charger',
  'admin.no_tenant_yet':
    'la base de données n’a encore aucune organisation : créez-en une avec\n' +
    '  incasso tenant create --slug <slug> --name "<nom>"  et  incasso user create --tenant <slug> …\n' +
    '  ou chargez les données de démonstration avec  incasso demo  (seulement sur une machine que personne d’autre n’atteint).',
};

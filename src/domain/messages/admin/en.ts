import type { AdminCatalogue } from './it.ts';

export const adminEn: AdminCatalogue = {
  'admin.last_active_admin': 'At least one active administrator is needed',
  'admin.current_password_wrong': 'The current password is wrong',
  'admin.new_password_same': 'The new password must differ from the current one',
  'admin.email_unusable': 'This e-mail address cannot be used: choose another one',
  'admin.email_unusable_field': 'E-mail address cannot be used',
  'admin.viewer_needs_creditor': 'A read-only user belongs to a creditor',
  'admin.only_viewers_have_creditor': 'Only read-only users belong to a creditor',

  'admin.password_blank': 'The password cannot be empty or only spaces',
  'admin.password_too_short': 'The password needs at least {min} characters',
  'admin.password_too_long': 'The password can have at most {max} characters',
  'admin.password_email': 'The password cannot contain the e-mail address',
  'admin.password_name': 'The password cannot contain the user’s name',
  'admin.password_common': 'Password too common or easy to guess: choose another one',

  'admin.tenant_slug_format': 'Slug: lower-case letters, digits and -',
  'admin.tenant_exists': 'The organisation "{slug}" already exists',
  'admin.start_refused':
    'Start refused: HOST={host} would expose the demo log-ins, whose password is published, to the network ({logins}). ' +
    'Listen on 127.0.0.1 (HOST not set), or deactivate the demo users / change their passwords, or use a database without the demo',
  'admin.cli_no_tenant':
    'This database has no organisation yet: load the demo data with `incasso demo`, or create one with ' +
    '`incasso tenant create --slug <slug> --name "<name>"`',
  'admin.cli_tenant_not_found': 'Organisation "{slug}" not found; existing: {list}',
  'admin.cli_several_tenants': 'Several organisations ({list}): give --tenant <slug>',
  'admin.demo_to_load': 'demo data to be loaded',
  'admin.no_tenant_yet':
    'the database has no organisation yet: create one with\n' +
    '  incasso tenant create --slug <slug> --name "<name>"  and  incasso user create --tenant <slug> …\n' +
    '  or load the demo data with  incasso demo  (only on a machine nobody else reaches).',
};

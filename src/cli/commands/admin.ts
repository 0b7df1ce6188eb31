import { Command, Option } from '@commander-js/extra-typings';
import type { Config } from '../../config.ts';
import { notFound } from '../../domain/errors.ts';
import { ROLES, systemActor } from '../../domain/policies.ts';
import { createTenant } from '../../usecases/tenants/create-tenant.ts';
import { createUser } from '../../usecases/users/create-user.ts';
import { openMigrated } from '../open.ts';
import { msg } from '../../domain/messages/index.ts';

export function tenantCommand(config: () => Config) {
  const cmd = new Command('tenant').description('Manage tenants (an agency, or a company collecting for itself)');
  cmd
    .command('create')
    .requiredOption('--slug <slug>', 'short name, e.g. "rossi-recuperi"')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--kind <kind>', 'agency or company').choices(['agency', 'company'] as const).default('company' as const))
    .action(async (o) => {
      const database = await openMigrated(config());
      try {
        const t = await createTenant(database.db, { slug: o.slug, name: o.name, kind: o.kind });
        console.log(`tenant ${t.slug} created (${t.id})`);
      } finally {
        await database.close();
      }
    });
  return cmd;
}

export function userCommand(config: () => Config) {
  const cmd = new Command('user').description('Manage users');
  cmd
    .command('create')
    .requiredOption('--tenant <slug>', 'tenant slug')
    .requiredOption('--email <email>', 'log-in e-mail')
    .requiredOption('--name <name>', 'full name')
    .addOption(new Option('--role <role>').choices(ROLES).default('admin' as const))
    .option('--creditor <id>', 'for a viewer: the creditor it may read')
    .addOption(new Option('--password <password>', 'at least 10 characters').env('INCASSO_NEW_PASSWORD').makeOptionMandatory())
    .action(async (o) => {
      const database = await openMigrated(config());
      try {
        const tenant = await database.db.selectFrom('tenants').select('id').where('slug', '=', o.tenant).executeTakeFirst();
        if (!tenant) throw notFound(msg('not_found.tenant_named', { name: o.tenant }));
        const u = await createUser(database.db, systemActor(tenant.id, 'cli'), {
          email: o.email,
          name: o.name,
          role: o.role,
          password: o.password,
          creditorId: o.creditor ?? null,
        });
        console.log(`user ${u.email} (${u.role}) created`);
      } finally {
        await database.close();
      }
    });
  return cmd;
}

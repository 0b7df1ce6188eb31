import type { Db } from '../db/connect.ts';
import { AppError } from '../domain/errors.ts';
import { msg } from '../domain/messages/index.ts';

/**
 * The tenant a CLI command works on: the one named by --tenant, or the only one there is. On a
 * database without tenants (a new data directory) it says how to get one instead of "not found".
 */
export async function resolveTenant(db: Db, slug: string | undefined): Promise<{ id: string; slug: string }> {
  const all = await db.selectFrom('tenants').select(['id', 'slug']).orderBy('slug').limit(21).execute();
  if (all.length === 0) {
    throw new AppError('not_found', msg('admin.cli_no_tenant'));
  }
  const list = all.slice(0, 20).map((t) => t.slug).join(', ') + (all.length > 20 ? ', …' : '');
  if (slug !== undefined) {
    const t = all.find((x) => x.slug === slug) ?? (await db.selectFrom('tenants').select(['id', 'slug']).where('slug', '=', slug).executeTakeFirst());
    if (!t) throw new AppError('not_found', msg('admin.cli_tenant_not_found', { slug, list }));
    return t;
  }
  if (all.length > 1) throw new AppError('validation', msg('admin.cli_several_tenants', { list }));
  return all[0]!;
}

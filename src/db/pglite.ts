import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * The embedded engine with the extensions incasso's migrations create (pg_trgm: the trigram indexes
 * that make substring searches of references, names and tax ids fast). Every PGlite is made here.
 */
export function createPglite(dataDir?: string, opts: Omit<PGliteOptions, 'extensions' | 'dataDir'> = {}): Promise<PGlite> {
  return PGlite.create({ ...opts, ...(dataDir ? { dataDir } : {}), extensions: { pg_trgm } });
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REVIEW_KINDS } from './schema.ts';
import { reviewCodes } from './list-reviews.ts';

describe('the special queues’ index', () => {
  it('covers every outcome a special queue lists (migration 0025 names them in its partial index)', () => {
    const migration = readFileSync(new URL('../../db/migrations/0025_desk_supervision.ts', import.meta.url), 'utf8');
    const index = migration.slice(migration.indexOf('create index contact_log_reviews'));
    const codes = REVIEW_KINDS.flatMap((k) => reviewCodes(k));
    expect(codes).toHaveLength(8);
    for (const code of codes) expect(index).toContain(`'${code}'`);
  });
});

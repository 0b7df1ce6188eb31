import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { today } from '../domain/dates.ts';
import { CLAIM_REFERENCE_PREFIX, claimReferences } from '../domain/dunning/references.ts';
import { camtXml, type CamtEntryInput } from '../test/camt.ts';
import { cliSandbox, ROOT } from '../test/cli-sandbox.ts';

/**
 * `incasso bank import` killed with SIGKILL in the middle of a statement, then run again: every entry
 * is recorded once, every matched credit is one payment — never two, never none — and a third run of
 * the same file changes nothing.
 */
const box = cliSandbox('bank-crash');

describe('bank import crash safety', () => {
  it('a killed bank import and its re-run record every entry once and every payment once', { timeout: 240_000 }, async () => {
    expect(box.cli(['demo']).status).toBe(0);
    const database = await box.open();
    let refs: { id: string; ref_no: string }[];
    try {
      refs = (
        await database.db
          .selectFrom('claims as c')
          .innerJoin('tenants as t', 't.id', 'c.tenant_id')
          .select(['c.id', 'c.ref_no'])
          .where('t.slug', '=', 'demo')
          .where('c.status', 'in', ['open', 'in_collection', 'partially_paid'])
          .where('c.currency', '=', 'EUR')
          .orderBy('c.ref_no')
          .limit(300)
          .execute()
      ).map((r) => ({ id: r.id, ref_no: String(r.ref_no) }));
    } finally {
      await database.close();
    }
    expect(refs.length).toBeGreaterThan(100);
    const day = today().subtract({ days: 1 }).toString();
    const entries: CamtEntryInput[] = Array.from({ length: 600 }, (_, i) => {
      const r = refs[i % refs.length]!;
      // Every 10th has nothing to match (reconciliation); the rest pay one cent by the claim's RF.
      return i % 10 === 9
        ? { amount: '3.00', acctSvcrRef: `K${i}`, bookingDate: day, txs: [{ amount: '3.00', text: [`bonifico ${i}`], name: 'Ignoto' }] }
        : { amount: '0.01', acctSvcrRef: `K${i}`, bookingDate: day, txs: [{ amount: '0.01', reference: claimReferences(r.ref_no, CLAIM_REFERENCE_PREFIX).rf }] };
    });
    const file = path.join(box.dir, 'estratto.xml');
    fs.writeFileSync(file, camtXml({ entries, account: 'IT60X0542811101000000123456' }));
    const args = ['bin/incasso.mjs', 'bank', 'import', file, '--tenant', 'demo'];

    // Killed once it says it is under way (after at least 100 entries), launcher and worker at once.
    const child = spawn(process.execPath, args, { cwd: ROOT, env: box.cliEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let err = '';
    let killed = false;
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (!killed && /movimenti \d+/.test(err)) {
          killed = true;
          process.kill(-child.pid!, 'SIGKILL');
        }
      });
      child.once('exit', () => resolve());
      child.once('error', reject);
    });
    expect(killed, err).toBe(true);

    const again = box.cli(['bank', 'import', file, '--tenant', 'demo', '--json'], { timeout: 180_000 });
    expect(again.status, again.stderr + again.stdout).toBe(0);
    const second = JSON.parse(again.stdout.trim().split('\n').pop()!) as Record<string, number>;
    expect(second.entries).toBe(600);
    expect(second.alreadyRecorded).toBeGreaterThanOrEqual(100);
    expect(second.alreadyRecorded).toBeLessThan(600);

    const third = box.cli(['bank', 'import', file, '--tenant', 'demo', '--json'], { timeout: 180_000 });
    expect(JSON.parse(third.stdout.trim().split('\n').pop()!)).toMatchObject({ entries: 600, alreadyRecorded: 600, matched: 0, toReconcile: 0 });

    const db = await box.open();
    try {
      const rows = await db.db.selectFrom('bank_entries').select(['entry_key', 'state', 'payment_id']).execute();
      expect(rows).toHaveLength(600);
      expect(new Set(rows.map((r) => r.entry_key)).size).toBe(600);
      // The 60 without a reference wait for a person (and any cent the engine refused, e.g. paid before the claim existed).
      const waiting = rows.filter((r) => r.state === 'to_reconcile');
      expect(waiting.length).toBeGreaterThanOrEqual(60);
      const matched = rows.filter((r) => r.state === 'matched');
      expect(matched.length + waiting.length).toBe(600);
      expect(matched.length).toBeGreaterThan(500);
      expect(matched.every((r) => r.payment_id !== null)).toBe(true);
      // One payment per matched entry, none without its entry.
      const payments = await db.db.selectFrom('payments').select(['id']).where('note', 'like', 'estratto.xml%').execute();
      expect(payments).toHaveLength(matched.length);
      expect(new Set(matched.map((r) => r.payment_id)).size).toBe(matched.length);
    } finally {
      await db.close();
    }
  });
});

import type { Db } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { runDunning } from '../../usecases/dunning/run-dunning.ts';
import type { JobHandler } from '../port.ts';

/**
 * The dunning tick: every hour from 08:05 to 20:05 (Europe/Rome), the steps due today for every
 * tenant. A run that finds nothing due costs one indexed query; a step done by an earlier tick (or by
 * another node at the same moment — the debtors are taken with FOR UPDATE SKIP LOCKED, and a claim's
 * step is unique in the database) is never done again. The e-mails it writes go out with the next
 * `deliver-outbox` run.
 */
export function dunningTickJob(db: Db): JobHandler {
  return {
    name: 'dunning-tick',
    cron: '5 8-20 * * *',
    run: async () => {
      await runDunning(db, { date: today().toString() });
    },
  };
}

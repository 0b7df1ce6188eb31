import type { Db } from '../../db/connect.ts';
import { renderPendingLetters } from '../../usecases/dunning/render-letters.ts';
import type { JobHandler } from '../port.ts';

/** Every minute: the PDFs of the letters the dunning run decided. Nodes share the work (SKIP LOCKED). */
export function renderLettersJob(db: Db): JobHandler {
  return {
    name: 'render-letters',
    cron: '* * * * *',
    run: async () => {
      await renderPendingLetters(db, { limit: 5000 });
    },
  };
}

import type { Db } from '../../db/connect.ts';
import { resumeInterruptedImports } from '../../usecases/imports/resume-imports.ts';
import type { JobHandler } from '../port.ts';

/** Every few minutes: imports whose node died mid-way are finished (resumed after their last batch). */
export function resumeImportsJob(db: Db): JobHandler {
  return {
    name: 'resume-interrupted-imports',
    cron: '*/3 * * * *',
    run: async () => {
      await resumeInterruptedImports(db);
    },
  };
}

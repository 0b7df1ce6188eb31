import type { Db } from '../../db/connect.ts';
import { resumeInterruptedImports } from '../../usecases/imports/resume-imports.ts';
import { RUN_IMPORT_JOB } from '../../usecases/imports/start-import.ts';
import type { JobHandler, JobQueue } from '../port.ts';

/**
 * Every few minutes: imports whose node died mid-way are finished (resumed after their last batch);
 * started imports whose queue message was lost are sent to the queue again (or, with no queue, run).
 */
export function resumeImportsJob(db: Db, jobs?: JobQueue): JobHandler {
  return {
    name: 'resume-interrupted-imports',
    cron: '*/3 * * * *',
    run: async () => {
      await resumeInterruptedImports(db, undefined, {
        ...(jobs ? { requeue: (id: string) => jobs.enqueue(RUN_IMPORT_JOB, { importJobId: id }, { singletonKey: id }) } : {}),
      });
    },
  };
}

import type { Database, Db } from '../../db/connect.ts';
import { resumeBankFiles } from '../../usecases/bank/resume-bank-files.ts';
import { RUN_BANK_FILE_JOB } from '../../usecases/bank/upload-bank-file.ts';
import type { JobHandler, JobQueue } from '../port.ts';

/**
 * Every few minutes: bank files whose node died mid-way are run on after their last committed chunk;
 * uploaded files whose queue message was lost are sent again (or, with no queue, run).
 */
export function resumeBankFilesJob(db: Db, jobs?: JobQueue, engine?: Database['engine']): JobHandler {
  return {
    name: 'resume-bank-files',
    cron: '*/3 * * * *',
    run: async () => {
      await resumeBankFiles(db, undefined, {
        connections: engine === 'postgres' ? 2 : 1,
        ...(jobs ? { requeue: (id: string) => jobs.enqueue(RUN_BANK_FILE_JOB, { bankFileId: id }, { singletonKey: id }) } : {}),
      });
    },
  };
}

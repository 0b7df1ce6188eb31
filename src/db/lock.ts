import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no lock of its own: two processes on one data directory corrupt it.
 * We hold `<dataDir>.lock` containing our pid; a lock whose pid is gone is stale and taken over.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(
      `The data directory is already in use by another incasso process (pid ${pid}).\n` +
        `Lock file: ${lockFile}\n` +
        'Stop that process first, or set INCASSO_DATA_DIR to another directory.',
    );
    this.name = 'DataDirLockedError';
  }
}

/** Whether a process is running: a zombie (killed, not yet reaped by its parent) holds nothing any more. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // /proc/<pid>/stat: "pid (comm) S …"; the state letter follows the last ')'.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true; // no /proc (not Linux): the signal said it exists
  }
}

/** A process killed a moment ago (a crash, a restart) may take a little while to be gone. */
const HOLDER_GRACE_MS = 3000;
function waitUntilGone(pid: number): boolean {
  const until = Date.now() + HOLDER_GRACE_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (alive(pid)) {
    if (Date.now() >= until) return false;
    Atomics.wait(pause, 0, 0, 100);
  }
  return true;
}

export function acquireDataDirLock(dataDir: string): () => void {
  const lockFile = `${dataDir.replace(/[\\/]+$/, '')}.lock`;
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockFile, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(fs.readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !waitUntilGone(pid)) {
        throw new DataDirLockedError(lockFile, pid);
      }
      fs.rmSync(lockFile, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock ${lockFile}`);
}

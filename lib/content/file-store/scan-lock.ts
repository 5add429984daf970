/**
 * One scan of a folder at a time on a machine: `next build` runs several workers and a machine may
 * run several servers over one index file. The others wait for the scan in progress and use its result.
 */
import fs from 'node:fs';

const POLL_MS = 200;

function holderAlive(lockFile: string): boolean {
  try {
    const pid = Number(fs.readFileSync(lockFile, 'utf8'));
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs `scan` under the lock, or resolves to null once another process's scan has finished. */
export async function withScanLock<T>(lockFile: string, scan: () => Promise<T>): Promise<T | null> {
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!holderAlive(lockFile)) {
        // Left behind by a process that died mid-scan.
        fs.rmSync(lockFile, { force: true });
        continue;
      }
      while (fs.existsSync(lockFile) && holderAlive(lockFile)) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      return null;
    }
  }
  try {
    return await scan();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

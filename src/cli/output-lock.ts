// An exclusive lock on an output file for as long as a command writes it (sweep --out, merge
// --out): two processes appending to one results file would mix their rows. The lock is a
// directory beside the file (FILE.lock, made atomically by proper-lockfile, its time refreshed
// while held) holding owner.json, the process that holds it, so a second writer is told who.
// A lock left by a process that died without releasing it (SIGKILL, a crash of the machine) is
// stale: at once when its process no longer runs on this machine, else once its time is older
// than STALE_MS (a process on another machine sharing the folder).
import * as fs from 'node:fs';
import {hostname} from 'node:os';
import {join} from 'node:path';
import lockfile from 'proper-lockfile';
import {InputError} from '../scenario/errors.js';
import {writeError} from './output-errors.js';
import {processAlive} from './io.js';

export interface OutputLock {
  /** Removes the lock (idempotent). Also done on any process exit, by proper-lockfile. */
  release(): void;
}

/** Who holds a lock, as written in its owner.json. */
interface Owner {
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  since: string;
}

/** The lock directory of `file`. */
export const lockPath = (file: string): string => `${file}.lock`;
const OWNER = 'owner.json';

/** Refreshed every UPDATE_MS; a lock not refreshed for STALE_MS is taken over. */
const STALE_MS = 10_000;
const UPDATE_MS = 2_000;

/**
 * proper-lockfile removes its directory with rmdir, on release and on exit, which needs it empty:
 * remove owner.json first. Never more: a folder of the user's that happens to be called
 * FILE.lock stays as it is (rmdir refuses, and the lock with it).
 */
const withoutOwner = (dir: string): void => fs.rmSync(join(dir, OWNER), {force: true});
const lockFs = {
  ...fs,
  rmdir: (dir: string, callback: (e: NodeJS.ErrnoException | null) => void): void => {
    withoutOwner(dir);
    fs.rmdir(dir, callback);
  },
  rmdirSync: (dir: string): void => {
    withoutOwner(dir);
    fs.rmdirSync(dir);
  },
};

/**
 * Takes the lock on `file` or throws an InputError naming the file and its holder. `onLost`
 * is called if the lock is taken away while held (its directory removed, or not refreshed for
 * STALE_MS and taken over): the caller should stop writing.
 */
export function lockOutput(file: string, onLost: (why: string) => void): OutputLock {
  // A device or a pipe (--out /dev/stdout) is not a file two writers could mix rows in.
  if (isSpecial(file)) return {release: () => {}};
  const dir = lockPath(file);
  const options = {
    lockfilePath: dir,
    realpath: false,
    stale: STALE_MS,
    update: UPDATE_MS,
    fs: lockFs,
    onCompromised: (e: Error) => onLost(`its lock ${dir} was removed or taken over (${e.message})`),
  };
  let release: () => void;
  try {
    release = take(file, options);
  } catch (e) {
    throw writeError(file, e);
  }
  try {
    const owner: Owner = {pid: process.pid, host: hostname(), since: new Date().toISOString()};
    // proper-lockfile checks that the directory's time is still the one it set: put it back.
    const {atime, mtime} = fs.statSync(dir);
    fs.writeFileSync(join(dir, OWNER), `${JSON.stringify(owner)}\n`);
    fs.utimesSync(dir, atime, mtime);
  } catch (e) {
    release();
    throw writeError(file, e);
  }
  let held = true;
  return {
    release: () => {
      if (!held) return;
      held = false;
      try {
        release();
      } catch {
        // Already lost (onLost said so) or removed by hand: nothing left to release.
      }
    },
  };
}

function isSpecial(file: string): boolean {
  try {
    return !fs.statSync(file).isFile();
  } catch {
    return false; // not there yet: a file to be
  }
}

type LockSyncOptions = Parameters<typeof lockfile.lockSync>[1];

/** lockSync, after removing the lock of a process of this machine that no longer runs. */
function take(file: string, options: LockSyncOptions): () => void {
  try {
    return lockfile.lockSync(file, options);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e;
    const owner = readOwner(options!.lockfilePath!);
    if (!owner || owner.host !== hostname() || processAlive(owner.pid)) throw lockedBy(file, options!.lockfilePath!, owner);
    lockFs.rmdirSync(options!.lockfilePath!);
    return lockfile.lockSync(file, options);
  }
}

function readOwner(dir: string): Owner | null {
  try {
    const owner = JSON.parse(fs.readFileSync(join(dir, OWNER), 'utf8')) as Partial<Owner>;
    return Number.isSafeInteger(owner.pid) && typeof owner.host === 'string' && typeof owner.since === 'string' ? (owner as Owner) : null;
  } catch {
    return null; // being written this instant, or not parley's
  }
}

function lockedBy(file: string, dir: string, owner: Owner | null): InputError {
  const who = owner ? `parley process ${owner.pid} on ${owner.host === hostname() ? 'this machine' : owner.host}, since ${owner.since}` : 'another process';
  return new InputError(`${file} is being written by ${who} (its lock: ${dir}): one writer at a time, or their rows would mix; wait for it to finish, or stop it`, file);
}

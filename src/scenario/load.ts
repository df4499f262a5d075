// Finding and reading scenario files: a path, or the name of a bundled scenario.
import {existsSync, readdirSync, statSync, type Stats} from 'node:fs';
import {basename, extname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {InputError} from './errors.js';
import {didYouMean} from './suggest.js';

import {readDataFile} from './data-file.js';

export {readDataFile};

/** The bundled scenarios folder (the same relative place from src/ and dist/). */
export const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios', import.meta.url));

const EXTENSIONS = ['.yaml', '.yml', '.json'];

/** Names of the data files (YAML or JSON) directly in `dir`, without extension. */
export function bundledNames(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => EXTENSIONS.includes(extname(f)) && statSync(join(dir, f)).isFile())
    .map((f) => basename(f, extname(f)))
    .sort();
}

/** A path to an existing file, or the bundled file of that name in `dir`; `what` names the kind in errors. */
export function resolveDataPath(ref: string, dir: string, what: string): string {
  if (isFile(ref)) return ref;
  if (!ref.includes('/') && !ref.includes('\\')) {
    for (const ext of ['', ...EXTENSIONS]) {
      const candidate = join(dir, ref + ext);
      if (isFile(candidate)) return candidate;
    }
  }
  const kind = notAFile(ref);
  if (kind) throw new InputError(`${ref}: ${kind}, not a ${what} file`, ref);
  const names = bundledNames(dir);
  // A bare name is most likely a mistyped bundled one (`basline`).
  const typo = ref.includes('/') || ref.includes('\\') ? '' : didYouMean(basename(ref, extname(ref)), names);
  throw new InputError(`${ref}: no such ${what} file or bundled ${what}${typo}${names.length ? ` (bundled: ${names.join(', ')})` : ''}`, ref);
}

/** The path's status, or undefined when there is nothing there to read (ENOENT, ENOTDIR, EACCES). */
function stat(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

const isFile = (path: string): boolean => stat(path)?.isFile() ?? false;

/** What a path that exists but is no regular file is (a FIFO would block a read forever). */
function notAFile(path: string): string | undefined {
  const s = stat(path);
  if (!s || s.isFile()) return undefined;
  if (s.isDirectory()) return 'is a directory';
  if (s.isFIFO()) return 'is a FIFO (a named pipe)';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'is a device';
  if (s.isSocket()) return 'is a socket';
  return 'is not a regular file';
}

export const bundledScenarioNames = (): string[] => bundledNames(SCENARIO_DIR);

/** A path to an existing file, or the bundled scenario of that name. */
export const resolveScenarioPath = (ref: string): string => resolveDataPath(ref, SCENARIO_DIR, 'scenario');

/** A scenario's file (a path, or a bundled name) and its data, read once and not yet validated. */
export function readScenarioFile(ref: string): {file: string; data: unknown} {
  const file = resolveScenarioPath(ref);
  return {file, data: readDataFile(file)};
}

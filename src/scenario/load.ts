// Finding and reading scenario files: a path, or the name of a bundled scenario.
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {basename, extname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parse as parseYaml, YAMLParseError} from 'yaml';
import {InputError} from './errors.js';
import {didYouMean} from './suggest.js';

/** The bundled scenarios folder (the same relative place from src/ and dist/). */
export const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

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
  if (existsSync(ref) && statSync(ref).isFile()) return ref;
  if (!ref.includes('/') && !ref.includes('\\')) {
    for (const ext of ['', ...EXTENSIONS]) {
      const candidate = join(dir, ref + ext);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
  }
  const names = bundledNames(dir);
  // A bare name is most likely a mistyped bundled one (`basline`).
  const typo = ref.includes('/') || ref.includes('\\') ? '' : didYouMean(basename(ref, extname(ref)), names);
  throw new InputError(`${ref}: no such ${what} file or bundled ${what}${typo}${names.length ? ` (bundled: ${names.join(', ')})` : ''}`, ref);
}

export const bundledScenarioNames = (): string[] => bundledNames(SCENARIO_DIR);

/** A path to an existing file, or the bundled scenario of that name. */
export const resolveScenarioPath = (ref: string): string => resolveDataPath(ref, SCENARIO_DIR, 'scenario');

/** Reads a YAML or JSON file into plain data, with the file named in any error. */
export function readDataFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: cannot read file${code ? ` (${code})` : ''}`, path);
  }
  try {
    if (extname(path) === '.json') return JSON.parse(text) as unknown;
    return parseYaml(text, {prettyErrors: true}) as unknown;
  } catch (e) {
    // The YAML parser's first line names the problem and its line and column; drop the excerpt.
    const detail = e instanceof YAMLParseError ? e.message.split('\n')[0]!.replace(/:\s*$/, '') : (e as Error).message;
    throw new InputError(`${path}: not valid ${extname(path) === '.json' ? 'JSON' : 'YAML'}: ${detail}`, path);
  }
}

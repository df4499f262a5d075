// Finding and reading scenario files: a path, or the name of a bundled scenario.
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {basename, extname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parse as parseYaml, YAMLParseError} from 'yaml';
import {InputError} from './errors.js';

/** The bundled scenarios folder (the same relative place from src/ and dist/). */
export const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

const EXTENSIONS = ['.yaml', '.yml', '.json'];

export function bundledScenarioNames(): string[] {
  if (!existsSync(SCENARIO_DIR)) return [];
  return readdirSync(SCENARIO_DIR)
    .filter((f) => EXTENSIONS.includes(extname(f)) && statSync(join(SCENARIO_DIR, f)).isFile())
    .map((f) => basename(f, extname(f)))
    .sort();
}

/** A path to an existing file, or the bundled scenario of that name. */
export function resolveScenarioPath(ref: string): string {
  if (existsSync(ref) && statSync(ref).isFile()) return ref;
  if (!ref.includes('/') && !ref.includes('\\')) {
    for (const ext of ['', ...EXTENSIONS]) {
      const candidate = join(SCENARIO_DIR, ref + ext);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
  }
  const names = bundledScenarioNames();
  throw new InputError(`${ref}: no such scenario file or bundled scenario${names.length ? ` (bundled: ${names.join(', ')})` : ''}`, ref);
}

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

// Whether dist/ was built from the src/ there is now. The CLI tests run dist/ (the bundle in
// dist/bundle/, made from tsc's output), so a build older than its sources would test old code
// without a word. tsc (not incremental here) rewrites every output on each build and the bundle
// is written after it, so the oldest output dates the last build: a source or a build config
// newer than it, or a source without its output, makes dist/ stale (tsc run alone, without the
// bundle step, leaves the bundle older than the sources it changed).
import {readdirSync, statSync} from 'node:fs';
import {join, sep} from 'node:path';

/** A file (relative to the project, with `/`) and when it was last modified; undefined: absent. */
export interface FileTime {
  path: string;
  mtimeMs: number | undefined;
}

export interface BuildTimes {
  /** What the build reads: the sources under src/ and the build configs. */
  inputs: FileTime[];
  /** What it writes: one output under dist/ for each source, and the bundle. */
  outputs: FileTime[];
}

/** Besides src/, what decides what the build emits (package.json: its "type" makes the output ESM). */
export const BUILD_CONFIGS = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'bundle.js'];

/** The bundle's entry point, written by bundle.js after tsc: the executable the tests run. */
export const BUNDLE = 'dist/bundle/bin.js';

const SOURCE = /(?<!\.d)\.tsx?$/;

/** The output tsc writes for a source: src/cli/bin.ts → dist/cli/bin.js. */
export const outputOf = (source: string): string => source.replace(/^src\//, 'dist/').replace(SOURCE, '.js');

/** Why dist/ must be rebuilt, or undefined when it is current. */
export function staleReason({inputs, outputs}: BuildTimes): string | undefined {
  const missing = outputs.find((o) => o.mtimeMs === undefined);
  if (missing) return `${missing.path} is missing`;
  if (outputs.length === 0) return 'dist/ has no build';
  const oldest = outputs.reduce((a, b) => (b.mtimeMs! < a.mtimeMs! ? b : a));
  const newer = inputs.filter((i) => i.mtimeMs !== undefined && i.mtimeMs > oldest.mtimeMs!);
  if (newer.length === 0) return undefined;
  const newest = newer.reduce((a, b) => (b.mtimeMs! > a.mtimeMs! ? b : a));
  return `${newest.path} is newer than ${oldest.path}`;
}

const mtimeOf = (file: string): number | undefined => statSync(file, {throwIfNoEntry: false})?.mtimeMs;

/** The times of the build's inputs and outputs in the project at `root`: one stat a file. */
export function buildTimes(root: string): BuildTimes {
  const sources = readdirSync(join(root, 'src'), {recursive: true, encoding: 'utf8'})
    .map((file) => `src/${file.split(sep).join('/')}`)
    .filter((file) => SOURCE.test(file))
    .sort();
  const times = (paths: readonly string[]): FileTime[] => paths.map((path) => ({path, mtimeMs: mtimeOf(join(root, path))}));
  return {inputs: times([...sources, ...BUILD_CONFIGS]), outputs: times([...sources.map(outputOf), BUNDLE])};
}

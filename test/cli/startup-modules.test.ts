// Commands load only what they use: `parley --version`, `validate` and `run --json` start without
// the dashboard (Ink, React), the sweep's worker pool (piscina) and spec schema, or a thread;
// --version without even the scenario schema (zod). The built CLI runs under a preload that
// records every module loaded (helpers/module-trace.mjs); a command that needs the heavy modules
// shows that the record would hold them. tsc's dist/ shows it module by module; the bundle users
// run (dist/bundle/) keeps it, chunk by chunk, in a handful of files.
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {BIN, DIST, distModule, removeTempDirs, ROOT, sh, tempDir} from '../helpers/cli.js';
import {SMALL_SPEC, writeSpec} from '../sweep/sweep-helpers.js';

afterAll(removeTempDirs);

const PRELOAD = join(ROOT, 'test/helpers/module-trace.mjs');

/** The modules a `node` process loads, as paths under dist/, package names and node: builtins. */
async function modulesLoaded(args: readonly string[]): Promise<string[]> {
  const trace = join(tempDir(), 'modules.txt');
  const r = await sh(process.execPath, ['--import', PRELOAD, ...args], {env: {MODULE_TRACE: trace}});
  expect(r.code, r.stderr).toBe(0);
  return [
    ...new Set(
      readFileSync(trace, 'utf8')
        .trim()
        .split('\n')
        .map((url) => url.replace(/^file:\/\/.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, '$1').replace(`file://${DIST}/`, 'dist/')),
    ),
  ];
}

/** tsc's build, module by module. */
const parley = (...args: string[]): Promise<string[]> => modulesLoaded([join(DIST, 'cli/bin.js'), ...args]);

const HEAVY = ['ink', 'react', 'piscina', 'dist/sweep/spec.js', 'dist/cli/dashboard.js', 'node:worker_threads'];
const heavyIn = (modules: readonly string[]): string[] => HEAVY.filter((h) => modules.includes(h));

describe('start-up loads only what the command uses', () => {
  it('parley --version: no scenario schema either, a dozen modules', async () => {
    const modules = await parley('--version');
    expect(heavyIn(modules)).toEqual([]);
    expect(modules).not.toContain('zod');
    expect(modules.filter((m) => m.startsWith('dist/')).length).toBeLessThan(15);
  });

  it('parley validate and parley run --json: the scenario and the engine, on this thread', async () => {
    expect(heavyIn(await parley('validate', 'baseline'))).toEqual([]);
    const run = await parley('run', 'baseline', '--json', '--no-stall-risk');
    expect(heavyIn(run)).toEqual([]);
    expect(run).toContain('zod');
    expect(run).toContain('dist/sim/run.js');
  });

  it('would see them: a sweep loads piscina, its spec and threads; the dashboard Ink and React', async () => {
    const spec = writeSpec(tempDir(), 'small.yaml', SMALL_SPEC.replace('replicates: 25', 'replicates: 1'));
    expect(heavyIn(await parley('sweep', spec, '--quiet'))).toEqual(['piscina', 'dist/sweep/spec.js', 'node:worker_threads']);
    const dashboard = await modulesLoaded(['--input-type=module', '-e', `await import(${JSON.stringify(distModule('cli/dashboard.js'))})`]);
    expect(heavyIn(dashboard)).toEqual(expect.arrayContaining(['ink', 'react', 'dist/cli/dashboard.js']));
  });
});

describe('the bundle (what `parley` starts) keeps it, in a few files', () => {
  const BUNDLE_DIR = join(DIST, 'bundle');
  const chunks = (): Map<string, string> =>
    new Map(readdirSync(BUNDLE_DIR).filter((f) => f.endsWith('.js')).map((f) => [`dist/bundle/${f}`, readFileSync(join(BUNDLE_DIR, f), 'utf8')]));
  /** The chunks that hold Ink's or React's code (the bundler heads each module's code with its path). */
  const inkChunks = (all: Map<string, string>): string[] => [...all].filter(([, code]) => /^\/\/ node_modules\/(ink|react)\/[^\n]*$/m.test(code)).map(([f]) => f);
  const loadedFiles = async (...args: string[]): Promise<string[]> => (await modulesLoaded([BIN, ...args])).filter((m) => m.startsWith('dist/'));

  it('parley run --json: a few dozen files, none from node_modules, and not Ink and React', async () => {
    const modules = await modulesLoaded([BIN, 'run', 'baseline', '--json', '--no-stall-risk']);
    expect(modules.filter((m) => !m.startsWith('dist/') && !m.startsWith('node:'))).toEqual([]);
    const files = modules.filter((m) => m.startsWith('dist/'));
    expect(files.every((f) => f.startsWith('dist/bundle/'))).toBe(true);
    expect(files.length).toBeLessThan(40);
    const ink = inkChunks(chunks());
    expect(files.filter((f) => ink.includes(f))).toEqual([]);
  });

  it('Ink and React are the dashboard\'s alone: not loaded by list or a sweep (which loads piscina from node_modules)', async () => {
    const all = chunks();
    const ink = inkChunks(all);
    expect(ink.length).toBeGreaterThan(0);
    expect((await loadedFiles('list')).filter((f) => ink.includes(f))).toEqual([]);
    const spec = writeSpec(tempDir(), 'small.yaml', SMALL_SPEC.replace('replicates: 25', 'replicates: 1'));
    const sweep = await modulesLoaded([BIN, 'sweep', spec, '--quiet']);
    expect(sweep).toContain('piscina');
    expect(sweep.filter((f) => ink.includes(f))).toEqual([]);
    // The dashboard (it needs a terminal: the tmux tests run it) is the chunk holding
    // dist/cli/dashboard.js: it holds Ink's code or imports a chunk that does.
    const [dashboard, ...others] = [...all].filter(([, code]) => code.includes('\n// dist/cli/dashboard.js\n'));
    expect(others).toEqual([]);
    const imports = [...dashboard![1].matchAll(/^import .* from "\.\/([\w.-]+\.js)";$/gm)].map((m) => `dist/bundle/${m[1]}`);
    expect([dashboard![0], ...imports].some((f) => ink.includes(f))).toBe(true);
  });
});

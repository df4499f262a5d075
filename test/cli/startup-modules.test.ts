// Commands load only what they use: `parley --version`, `validate` and `run --json` start without
// the dashboard (Ink, React), the sweep's worker pool (piscina) and spec schema, or a thread;
// --version without even the scenario schema (zod). The built CLI runs under a preload that
// records every module loaded (helpers/module-trace.mjs); a command that needs the heavy modules
// shows that the record would hold them.
import {readFileSync} from 'node:fs';
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

const parley = (...args: string[]): Promise<string[]> => modulesLoaded([BIN, ...args]);

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

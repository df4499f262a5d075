// main decides once whether to be interactive (from the environment and the streams it is given)
// and the commands follow it: a sweep's progress redraws one line only when main says stderr is
// a live terminal, and tables fit the width the Io gives. Runs the built main in this process
// (the sweep's threads need the compiled modules).
import {afterAll, describe, expect, it} from 'vitest';
import type * as Main from '../../src/cli/main.js';
import type {Io} from '../../src/cli/io.js';
import type {Streams} from '../../src/cli/mode.js';
import {distModule, removeTempDirs, tempDir} from '../helpers/cli.js';
import {SMALL_SPEC, writeSpec} from '../sweep/sweep-helpers.js';

afterAll(removeTempDirs);

const PLAIN = {isTTY: false};

async function sweep(env: NodeJS.ProcessEnv, streams: Streams): Promise<{code: number; stdout: string; stderr: string}> {
  const {main} = (await import(distModule('cli/main.js'))) as typeof Main;
  const spec = writeSpec(tempDir(), 'small.yaml', SMALL_SPEC);
  const out = {stdout: '', stderr: ''};
  const io: Io = {stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), stderrTerminal: {columns: 60}};
  const code = await main(['sweep', spec, '--workers', '1'], io, env, streams);
  return {code, ...out};
}

describe('the interactive-or-plain decision', () => {
  it('is made by main from what it is given: a live bar on a terminal stderr outside CI', async () => {
    const live = await sweep({}, {stdin: PLAIN, stdout: PLAIN, stderr: {isTTY: true}});
    expect(live.code, live.stderr).toBe(0);
    expect(live.stderr).toMatch(/\[[█░]+\] [\d,]+\/200 runs/);
    // The table of points fits the Io's terminal (rows on stdout: the table goes to stderr).
    const table = live.stderr.slice(live.stderr.indexOf('8 points, 200 runs')).trimEnd().split('\n');
    expect(table[1]).toMatch(/^point +batchSize +policy/);
    expect(table.filter((l) => [...l].length > 60)).toEqual([]);
  });

  it('and plain in CI, whatever the streams', async () => {
    const plain = await sweep({CI: 'true'}, {stdin: PLAIN, stdout: PLAIN, stderr: {isTTY: true}});
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stderr).not.toMatch(/[█░\r]/);
  });
});

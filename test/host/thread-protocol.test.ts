// The one protocol between parley's engine threads and the main thread (src/host/thread-protocol.ts):
// an error crosses as data and arrives as the same kind of error, an InputError as one (the CLI
// prints it plainly and exits 2), any other with the thread's stack. Checked for the protocol
// itself, for its two users (the dashboard's loop thread, a sweep's chunk threads), and for the
// plain run, which runs on the main thread. Threads run the built modules (dist/).
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';
import {InputError} from '../../src/scenario/errors.js';
import {errorAsData, errorFromData} from '../../src/host/thread-protocol.js';
import type * as Protocol from '../../src/host/thread-protocol.js';
import type * as Errors from '../../src/scenario/errors.js';
import type * as StartLoopThread from '../../src/host/start-loop-thread.js';
import type * as RunSweep from '../../src/host/run-sweep.js';
import type * as Plan from '../../src/sweep/plan.js';
import {buildReport} from '../../src/sim/report.js';
import {runSimulation} from '../../src/sim/run.js';
import {loadScenario} from '../../src/scenario/resolve.js';
import {runReport} from '../../src/host/run-report.js';
import {distModule, removeTempDirs, ROOT, tempDir, writeScenario} from '../helpers/cli.js';
import {SMALL_SPEC, writeSpec} from '../sweep/sweep-helpers.js';

afterAll(removeTempDirs);

const dist = async <T>(path: string): Promise<T> => (await import(distModule(path))) as T;
const FAILING = pathToFileURL(join(ROOT, 'test/helpers/failing-thread.mjs'));

/** The rejection of `p` (fails the test if it resolves). */
async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

describe('errors as data', () => {
  it('an InputError comes back as one, with its message, file and stack', () => {
    const original = new InputError('bad.yaml: invalid scenario', 'bad.yaml');
    const back = errorFromData(structuredClone(errorAsData(original)));
    expect(back).toBeInstanceOf(InputError);
    expect(back.message).toBe(original.message);
    expect((back as InputError).file).toBe('bad.yaml');
    expect(back.stack).toBe(original.stack);
  });

  it('an unexpected error keeps its name and stack, and is no InputError', () => {
    let original: Error;
    try {
      (null as unknown as {f(): void}).f();
      throw new Error('unreachable');
    } catch (e) {
      original = e as Error;
    }
    const back = errorFromData(structuredClone(errorAsData(original)));
    expect(back).not.toBeInstanceOf(InputError);
    expect(back.name).toBe('TypeError');
    expect(back.stack).toBe(original.stack);
    expect(back.stack).toContain('thread-protocol.test.ts');
  });

  it('a thrown non-Error becomes an Error with its text', () => {
    expect(errorFromData(errorAsData('just a string')).message).toBe('just a string');
  });
});

describe('a thread served by the protocol', () => {
  const start = async (how: string, when: 'start' | 'request'): Promise<Error> => {
    const {startThread} = await dist<typeof Protocol>('host/thread-protocol.js');
    const job = {protocol: distModule('host/thread-protocol.js'), errors: distModule('scenario/errors.js'), how, when};
    return new Promise((resolve) => {
      const thread = startThread<typeof job, {type: 'ready'}, 'go'>(FAILING, job, {onMessage: () => thread.send('go'), onError: resolve});
    });
  };

  it('sends an InputError thrown at start or in a request back as an InputError', async () => {
    const {InputError: DistInputError} = await dist<typeof Errors>('scenario/errors.js');
    for (const when of ['start', 'request'] as const) {
      const e = await start('input', when);
      expect(e, when).toBeInstanceOf(DistInputError);
      expect(e.message).toBe('bad.yaml: invalid scenario\n  - days: expected a number');
      expect((e as InputError).file).toBe('bad.yaml');
    }
  });

  it('sends an unexpected error back with the stack it had in the thread', async () => {
    const e = await start('type', 'start');
    expect(e.name).toBe('TypeError');
    expect(e.stack).toMatch(/^TypeError: /);
    expect(e.stack).toContain('failing-thread.mjs');
    expect((await start('string', 'request')).message).toBe('not an Error');
  });
});

describe('the users of the protocol', () => {
  it("the dashboard's loop thread: an invalid scenario arrives as an InputError naming the file", async () => {
    const {startLoopThread} = await dist<typeof StartLoopThread>('host/start-loop-thread.js');
    const {InputError: DistInputError} = await dist<typeof Errors>('scenario/errors.js');
    const dir = tempDir();
    const bad = writeScenario(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(bad, 'utf8').replace('days: 60', 'days: -1'));
    const e = await rejection(startLoopThread({ref: bad, load: {}}));
    expect(e).toBeInstanceOf(DistInputError);
    expect(e.message).toMatch(new RegExp(`^${bad}: invalid scenario\\n  - days: `));
    // And a valid one starts, sends its first snapshot and stops when disposed of.
    const {loop, notes} = await startLoopThread({ref: writeScenario(dir, 'ok.yaml'), load: {}});
    expect(notes).toEqual([]);
    expect(loop.getSnapshot().day).toBe(0);
    loop.dispose();
  });

  it("a sweep's chunk thread: a point found invalid while the sweep runs arrives as an InputError naming the spec and the point", async () => {
    const {loadSweep} = await dist<typeof Plan>('sweep/plan.js');
    const {runSweep} = await dist<typeof RunSweep>('host/run-sweep.js');
    const {InputError: DistInputError} = await dist<typeof Errors>('scenario/errors.js');
    const spec = writeSpec(tempDir(), 'bad-point.yaml', SMALL_SPEC.replace('[50, 100, 150, 200]', '[50, -3]'));
    // check: false skips the up-front check, as for points beyond those it samples.
    const e = await rejection(runSweep({plan: loadSweep(spec, {check: false}), workers: 1, write: () => undefined}));
    expect(e).toBeInstanceOf(DistInputError);
    expect(e.message).toMatch(new RegExp(`^${spec}: point 2 \\(agents\\.government\\.params\\.batchSize=-3, .*\\) makes an invalid scenario:`));
    expect((e as InputError).file).toBe(spec);
  });

  it("a sweep's chunk thread: an unexpected error comes back as a Failure with its stack", async () => {
    // Outside a pool the chunk has no plan: the TypeError a bug would throw, caught and sent as data.
    const {default: runChunk} = await import('../../src/host/sweep-thread.js');
    const r = runChunk({from: 0, to: 1, format: 'csv'});
    expect('type' in r && r.type).toBe('error');
    const e = errorFromData((r as Protocol.Failure).error);
    expect(e).not.toBeInstanceOf(InputError);
    expect(e.name).toBe('TypeError');
    expect(e.stack).toContain('plan.ts');
  });

  it('the plain run, on the main thread: an InputError as thrown, and the report runSimulation makes', async () => {
    const dir = tempDir();
    await expect(runReport({ref: join(dir, 'missing.yaml'), load: {}, version: 't'}, () => undefined)).rejects.toBeInstanceOf(InputError);
    // With stall risk every round, the run takes many slices: the report is the same as in one go.
    const load = {set: ['stall.rollouts=100'], seed: 'slices'};
    const notes: string[][] = [];
    // The event loop gets turns while it runs (so Ctrl-C is handled at once, bin.ts).
    let turns = 0;
    const ticker = setInterval(() => turns++, 1);
    const report = await runReport({ref: 'baseline', load, version: 't'}, (l) => notes.push(l.notes));
    clearInterval(ticker);
    expect(turns).toBeGreaterThan(0);
    expect(notes).toEqual([[]]);
    expect(JSON.stringify(report)).toBe(JSON.stringify(buildReport(runSimulation(loadScenario('baseline', load).config), 't')));
  });
});

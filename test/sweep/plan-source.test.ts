// Worker threads make their plan from what the main thread read and checked (planSource), never
// from the files again: a spec or base scenario edited or removed while a sweep runs changes no
// row. Runs the built sweep (dist), whose worker pool needs the compiled worker module.
import {copyFileSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import type * as PlanModule from '../../src/sweep/plan.js';
import type * as RunSweepModule from '../../src/host/run-sweep.js';
import {distModule, removeTempDirs, tempDir} from '../helpers/cli.js';
import {SMALL_SPEC, writeSpec} from './sweep-helpers.js';

const dist = async <T>(path: string): Promise<T> => (await import(distModule(path))) as T;

afterAll(removeTempDirs);

describe('worker plans', () => {
  it('come from the main thread: a sweep whose spec and scenario files are gone gives the same rows', async () => {
    const {loadSweep} = await dist<typeof PlanModule>('sweep/plan.js');
    const {runSweep} = await dist<typeof RunSweepModule>('host/run-sweep.js');
    const dir = tempDir();
    const scenario = join(dir, 'base.yaml');
    copyFileSync(new URL('../../scenarios/baseline.yaml', import.meta.url), scenario);
    const spec = writeSpec(dir, 'spec.yaml', SMALL_SPEC.replace('scenario: baseline', 'scenario: base.yaml'));
    const plan = loadSweep(spec);
    expect(plan.scenario).toBe(scenario);
    const rows = async (): Promise<string> => {
      const decoder = new TextDecoder();
      let text = '';
      await runSweep({plan, workers: 2, chunkSize: 30, write: (bytes) => void (text += decoder.decode(bytes))});
      return text;
    };
    const before = await rows();
    expect(before.split('\n')).toHaveLength(plan.runs + 1);
    rmSync(spec);
    rmSync(scenario);
    expect(await rows()).toBe(before);
  });
});

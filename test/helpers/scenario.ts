// Shared helpers: small raw scenarios, running them, deep snapshots of a world state.
import {createHash} from 'node:crypto';
import {parseScenario, type LoadOptions} from '../../src/scenario/resolve.js';
import type {SimConfig} from '../../src/sim/config.js';
import {runSimulation, type RunOptions, type RunResult} from '../../src/sim/run.js';
import {createState} from '../../src/sim/state.js';
import {step} from '../../src/sim/step.js';
import {createStepper} from '../../src/sim/stepper.js';
import type {WorldState} from '../../src/sim/types.js';

export type Raw = Record<string, unknown>;

/**
 * A small valid scenario as raw data (what a YAML file parses to). Stall risk is off unless a
 * test asks for it, so runs are fast. `patch` replaces top-level fields.
 */
export function rawScenario(patch: Raw = {}): Raw {
  return {
    name: 'test',
    description: 'a scenario built by the tests',
    start: '2020-03-01',
    days: 60,
    seed: 'test-seed',
    agents: {
      government: {policy: 'phased-conditional'},
      taliban: {policy: 'ratio-releaser'},
      us: {policy: 'facilitator'},
    },
    stall: {rollouts: 0},
    ...patch,
  };
}

export function configOf(raw: Raw, options: LoadOptions = {}): SimConfig {
  return parseScenario(raw, 'test.yaml', options).config;
}

export function runRaw(raw: Raw, run: RunOptions = {}, options: LoadOptions = {}): RunResult {
  return runSimulation(configOf(raw, options), run);
}

/** A recording state advanced by `rounds` rounds (fewer if the run ends first). */
export function stateAfter(cfg: SimConfig, rounds: number): WorldState {
  const s = createState(cfg, {record: true});
  const st = createStepper(cfg, s);
  for (let i = 0; i < rounds && s.outcome === 'ongoing'; i++) step(s, cfg, st);
  return s;
}

/** A deep value copy of everything in a state, the generator as its serialisable state. */
export function snapshot(s: WorldState): unknown {
  const {rng, ...rest} = s;
  return structuredClone({...rest, rng: rng.state()});
}

/** A snapshot without the record-keeping (which rollout and cloned states do not have), reasons in words included. */
export function simSnapshot(s: WorldState): unknown {
  const {rng, log: _log, batches: _batches, walkouts: _walkouts, episodes: _episodes, gov, tal, us, ...rest} = s;
  const unworded = <T extends {lastReason: string}>({lastReason: _reason, ...agent}: T) => agent;
  return structuredClone({...rest, gov: unworded(gov), tal: unworded(tal), us: unworded(us), rng: rng.state()});
}

export function countWhere(a: ArrayLike<number>, pred: (v: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (pred(a[i]!)) n++;
  return n;
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The message of the error `f` throws; fails the test when it throws none. */
export function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

// A sweep worker must compile the engine once: each time V8 throws its optimised code away, both
// workers compile it again while competing for the cores. These check it in V8 itself, in a child
// process that may use V8's test functions (--allow-natives-syntax): `step` and `releaseFrom` (the
// pools' hot loop over typed arrays) are optimised, then something a sweep does happens, and they
// must still be optimised.
//   - A sweep loads a new config, and builds a new stepper, at every point. When they were
//     object literals, V8 widened the field types of their shapes at a worker's second point
//     (src/sim/shape.ts).
//   - A worker transfers each chunk's result, which detaches its buffers. The first detach in a
//     thread drops all code compiled without detach checks, unless the worker detached a buffer
//     before the engine ran hot (src/host/sweep-thread.ts).
import {execFileSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {distModule} from '../helpers/cli.js';

const mod = (path: string): string => JSON.stringify(distModule(path));

/** V8's optimisation status bit for "optimised code" (%GetOptimizationStatus). */
const OPTIMIZED = 16;

/** Runs `then` (a script) in a child process once `step` and `releaseFrom` are optimised on one point; prints its JSON. */
function afterOptimisedStep<T>(then: string, imports = ''): T {
  const script = `
    ${imports}
    const {loadScenario} = await import(${mod('scenario/resolve.js')});
    const {RunArena} = await import(${mod('sim/run.js')});
    const {createState} = await import(${mod('sim/state.js')});
    const {step} = await import(${mod('sim/step.js')});
    const {createStepper} = await import(${mod('sim/stepper.js')});
    const {releaseFrom} = await import(${mod('sim/pools.js')});
    const point = (batchSize) => loadScenario('afghanistan-2020', {set: ['stall.rollouts=0', 'agents.government.params.batchSize=' + batchSize]}).config;
    const first = point(50);
    const arena = new RunArena();
    %PrepareFunctionForOptimization(step);
    %PrepareFunctionForOptimization(releaseFrom);
    for (let i = 0; i < 200; i++) arena.run(first, 'warm-' + i);
    // Optimised in both, as one status: the lower of the two.
    const status = () => %GetOptimizationStatus(step) & %GetOptimizationStatus(releaseFrom);
    // A run can meet a branch the warm-up never took and leave one unoptimised: try again.
    let before = 0;
    for (let i = 0; i < 20 && !(before & ${OPTIMIZED}); i++) {
      %OptimizeFunctionOnNextCall(step);
      %OptimizeFunctionOnNextCall(releaseFrom);
      arena.run(first, 'optimise-' + i);
      before = status();
    }
    ${then}
  `;
  return JSON.parse(execFileSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], {encoding: 'utf8'})) as T;
}

const statusAcrossPoints = () =>
  afterOptimisedStep<{before: number; afterConfig: number; afterStepper: number}>(`
    const second = point(51);
    const afterConfig = status();
    createStepper(second, createState(second, {record: false}));
    const afterStepper = status();
    process.stdout.write(JSON.stringify({before, afterConfig, afterStepper}));
  `);

/** As a sweep worker: its module loaded first, then a buffer detached as a chunk's result is transferred. */
const statusAcrossDetach = (loadWorker: boolean) =>
  afterOptimisedStep<{before: number; afterDetach: number}>(
    `
    const buffer = new ArrayBuffer(8);
    structuredClone(buffer, {transfer: [buffer]});
    process.stdout.write(JSON.stringify({before, afterDetach: status()}));
  `,
    loadWorker ? `await import(${mod('host/sweep-thread.js')});` : '',
  );

describe('per-point objects and the optimised engine', () => {
  it('a new point\'s config and stepper leave the engine\'s optimised code in place', () => {
    const {before, afterConfig, afterStepper} = statusAcrossPoints();
    expect(before & OPTIMIZED, 'step and releaseFrom were not both optimised to begin with').toBe(OPTIMIZED);
    expect(afterConfig & OPTIMIZED, 'loading the next point\'s config deoptimised step or releaseFrom').toBe(OPTIMIZED);
    expect(afterStepper & OPTIMIZED, 'building the next point\'s stepper deoptimised step or releaseFrom').toBe(OPTIMIZED);
  });

  it('a sweep worker\'s first transferred result leaves the engine\'s optimised code in place', () => {
    const {before, afterDetach} = statusAcrossDetach(true);
    expect(before & OPTIMIZED, 'step and releaseFrom were not both optimised to begin with').toBe(OPTIMIZED);
    expect(afterDetach & OPTIMIZED, 'detaching a buffer in the worker deoptimised step or releaseFrom').toBe(OPTIMIZED);
  });

  it('without the worker\'s early detach, the first detach does deoptimise the engine (what the test above guards)', () => {
    const {before, afterDetach} = statusAcrossDetach(false);
    expect(before & OPTIMIZED, 'step and releaseFrom were not both optimised to begin with').toBe(OPTIMIZED);
    expect(afterDetach & OPTIMIZED, 'V8 no longer drops typed-array code at the first detach').toBe(0);
  });
});

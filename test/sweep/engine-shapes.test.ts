// A sweep loads a new config, and builds a new stepper, at every point. Those objects must not
// change the shapes the engine's optimised code was compiled for: when they were object
// literals, V8 widened the field types of their shapes at a worker's second point and threw away
// the optimised code of a dozen engine functions, which both workers then compiled again while
// competing for the cores (src/sim/shape.ts). This checks it in V8 itself, in a child process
// that may use V8's test functions (--allow-natives-syntax): `step` is optimised on one point's
// config, then the next point's config and stepper are made, and `step` must still be optimised.
import {execFileSync} from 'node:child_process';
import {pathToFileURL} from 'node:url';
import {describe, expect, it} from 'vitest';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const mod = (path: string): string => JSON.stringify(pathToFileURL(DIST + path).href);

/** V8's optimisation status bit for "optimised code" (%GetOptimizationStatus). */
const OPTIMIZED = 16;

function statusAcrossPoints(): {before: number; afterConfig: number; afterStepper: number} {
  const script = `
    const {loadScenario} = await import(${mod('scenario/resolve.js')});
    const {RunArena} = await import(${mod('sim/run.js')});
    const {createState} = await import(${mod('sim/state.js')});
    const {createStepper, step} = await import(${mod('sim/step.js')});
    const point = (batchSize) => loadScenario('afghanistan-2020', {set: ['stall.rollouts=0', 'agents.government.params.batchSize=' + batchSize]}).config;
    const first = point(50);
    const arena = new RunArena();
    %PrepareFunctionForOptimization(step);
    for (let i = 0; i < 200; i++) arena.run(first, 'warm-' + i);
    // A run can meet a branch the warm-up never took and leave step unoptimised: try again.
    let before = 0;
    for (let i = 0; i < 20 && !(before & ${OPTIMIZED}); i++) {
      %OptimizeFunctionOnNextCall(step);
      arena.run(first, 'optimise-' + i);
      before = %GetOptimizationStatus(step);
    }
    const second = point(51);
    const afterConfig = %GetOptimizationStatus(step);
    createStepper(second, createState(second, {record: false}));
    const afterStepper = %GetOptimizationStatus(step);
    process.stdout.write(JSON.stringify({before, afterConfig, afterStepper}));
  `;
  return JSON.parse(execFileSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], {encoding: 'utf8'})) as ReturnType<typeof statusAcrossPoints>;
}

describe('per-point objects and the optimised engine', () => {
  it('a new point\'s config and stepper leave the engine\'s optimised code in place', () => {
    const {before, afterConfig, afterStepper} = statusAcrossPoints();
    expect(before & OPTIMIZED, 'step was not optimised to begin with').toBe(OPTIMIZED);
    expect(afterConfig & OPTIMIZED, 'loading the next point\'s config deoptimised step').toBe(OPTIMIZED);
    expect(afterStepper & OPTIMIZED, 'building the next point\'s stepper deoptimised step').toBe(OPTIMIZED);
  });
});

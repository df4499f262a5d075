// Posterior samples (--posterior): the file's format refused line by line, its paths and values
// checked against the scenario as --set checks them, a --set on a drawn path refused, and the
// draw: by weight, from the seed alone, the particle's values in the run and its stall-risk
// rollouts exactly as if given with --set.
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {prepareRun} from '../../src/host/prepare-run.js';
import {readDataFile, resolveScenarioPath} from '../../src/scenario/load.js';
import {checkPosterior, drawnConfigs, drawnScenario, drawParticle, parsePosterior, readPosterior, type Posterior} from '../../src/scenario/posterior.js';
import {InputError, parseScenario} from '../../src/scenario/resolve.js';
import {runSimulation, startRun} from '../../src/sim/run.js';
import {SimLoop} from '../../src/host/sim-loop.js';
import {removeTempDirs, tempDir} from '../helpers/cli.js';

afterAll(removeTempDirs);

const FILE = resolveScenarioPath('afghanistan-2020');
const DATA = readDataFile(FILE);
const TARGET = {file: FILE, data: DATA};
const HEAD = 'particle,weight,agents.taliban.params.batchCap,agents.government.params.batchSize';

/** The message parsePosterior (and, with `target`, checkPosterior) refuses `text` with. */
function refusal(text: string, target?: Parameters<typeof checkPosterior>[1]): string {
  try {
    const posterior = parsePosterior(text, 'post.csv');
    if (target) checkPosterior(posterior, target);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    const message = (e as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    return message;
  }
  throw new Error('not refused');
}

const two = (w0: number, w1: number): Posterior => parsePosterior(`${HEAD}\n0,${w0},20,50\n1,${w1},80,200\n`, 'post.csv');

describe('the file', () => {
  it('reads comments, blank lines, spaces and weights that do not sum to 1', () => {
    const p = parsePosterior(`# parley calibrate, 2 particles\n${HEAD}\n\n0, 1 ,20,50\n# a note\n1,3,80,200\n`, 'post.csv');
    expect(p.paths).toEqual(['agents.taliban.params.batchCap', 'agents.government.params.batchSize']);
    expect(p.weights).toEqual([0.25, 0.75]);
    expect(p.values).toEqual([
      [20, 50],
      [80, 200],
    ]);
    expect(p.lines).toEqual([4, 6]);
  });

  it('has a digest of what a draw depends on: not the comments, nor the scale of the weights', () => {
    const a = parsePosterior(`${HEAD}\n0,1,20,50\n1,3,80,200\n`, 'a.csv');
    expect(a.digest).toMatch(/^[0-9a-f]{16}$/);
    expect(parsePosterior(`# another note\n${HEAD}\n0,0.25,20,50\n1,0.75,80,200\n`, 'b.csv').digest).toBe(a.digest);
    expect(parsePosterior(`${HEAD}\n0,1,20,50\n1,3,80,201\n`, 'a.csv').digest).not.toBe(a.digest);
    expect(parsePosterior(`${HEAD}\n0,1,20,50\n1,2,80,200\n`, 'a.csv').digest).not.toBe(a.digest);
  });

  it.each([
    ['', 'post.csv: empty posterior: expected a header line particle,weight,<path>,…'],
    ['# only a comment\n', 'post.csv: empty posterior: expected a header line particle,weight,<path>,…'],
    ['weight,particle,a.b\n0,1,2\n', 'post.csv line 1: the header must start with particle,weight, not weight,particle'],
    ['particle,weight\n0,1\n', 'post.csv line 1: no parameter columns after particle,weight'],
    ['particle,weight,a.b,c,a.b\n0,1,2,3,4\n', 'post.csv line 1, column 5: a.b appears twice (also column 3)'],
    ['particle,weight,a..b\n0,1,2\n', 'post.csv line 1, column 3: "a..b" is not a field path as --set takes it (e.g. agents.taliban.params.batchCap)'],
    ['particle,weight,events.+\n0,1,2\n', 'post.csv line 1, column 3: "events.+" is not a field path as --set takes it (e.g. agents.taliban.params.batchCap)'],
    ['particle,weight,seed\n0,1,2\n', 'post.csv line 1, column 3: seed cannot be drawn from a posterior: the seed chooses the particle'],
    ['particle,weight,stall.rollouts\n0,1,2\n', 'post.csv line 1, column 3: stall.rollouts cannot be drawn from a posterior: the number of stall-risk rollouts is not a model parameter'],
    [`${HEAD}\n`, 'post.csv: no particles: the header is the only line'],
    [`${HEAD}\n0,1,20\n`, 'post.csv line 2: 3 fields where the header has 4'],
    [`${HEAD}\n1,1,20,50\n`, 'post.csv line 2: particle is "1" where 0 was expected: particles are numbered 0 to N-1, in order'],
    [`${HEAD}\n0,1,20,50\n0,1,20,50\n`, 'post.csv line 3: particle is "0" where 1 was expected: particles are numbered 0 to N-1, in order'],
    [`${HEAD}\n0,heavy,20,50\n`, 'post.csv line 2 (particle 0): weight "heavy" is not a finite number'],
    [`${HEAD}\n0,,20,50\n`, 'post.csv line 2 (particle 0): weight "" is not a finite number'],
    [`${HEAD}\n0,1e999,20,50\n`, 'post.csv line 2 (particle 0): weight "1e999" is not a finite number'],
    [`${HEAD}\n0,1,20,50\n1,-0.5,20,50\n`, 'post.csv line 3 (particle 1): weight -0.5 is negative'],
    [`${HEAD}\n0,0,20,50\n1,0,20,50\n`, 'post.csv: every weight is 0: at least one particle needs a weight above 0'],
    [`${HEAD}\n0,1e308,20,50\n1,1e308,20,50\n`, 'post.csv: the weights add up to more than the largest number: scale them down'],
    [`${HEAD}\n0,1,twenty,50\n`, 'post.csv line 2 (particle 0), column agents.taliban.params.batchCap: "twenty" is not a finite number'],
    [`${HEAD}\n0,1,20,\n`, 'post.csv line 2 (particle 0), column agents.government.params.batchSize: "" is not a finite number'],
  ])('refuses %j: %s', (text, message) => {
    expect(refusal(text)).toBe(message);
  });

  it('a missing file, or a folder, is named as the posterior', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'folder.csv'));
    expect(() => readPosterior(join(dir, 'none.csv'))).toThrow(`${join(dir, 'none.csv')}: no such posterior file`);
    expect(() => readPosterior(join(dir, 'folder.csv'))).toThrow(`${join(dir, 'folder.csv')}: is a folder, not a posterior file`);
  });
});

describe('against the scenario', () => {
  it.each([
    ['2000', /^post\.csv line 3 \(particle 1\), column agents\.taliban\.params\.batchCap = 2000: Too big: expected number to be <=\d+$/],
    ['2.5', /^post\.csv line 3 \(particle 1\), column agents\.taliban\.params\.batchCap = 2\.5: .*int/],
    ['-4', /^post\.csv line 3 \(particle 1\), column agents\.taliban\.params\.batchCap = -4: Too small/],
  ])('refuses a value --set refuses (%s), naming the line, the particle and the column', (value, message) => {
    expect(refusal(`${HEAD}\n0,1,20,50\n1,1,${value},50\n`, TARGET)).toMatch(message);
  });

  it('refuses a path --set refuses for this scenario, with the nearest field', () => {
    expect(refusal('particle,weight,agents.taliban.params.batchCapp\n0,1,20\n', TARGET)).toBe(
      'post.csv line 2 (particle 0), column agents.taliban.params.batchCapp = 20: agents.taliban.params: unknown field "batchCapp"; did you mean batchCap?',
    );
    // A parameter of another policy than the scenario's.
    expect(refusal('particle,weight,agents.taliban.params.concession\n0,1,0.5\n', TARGET)).toMatch(/^post\.csv line 2 \(particle 0\), column agents\.taliban\.params\.concession = 0\.5: .*unknown field "concession"/);
    expect(refusal('particle,weight,talks.nothing\n0,1,1\n', TARGET)).toMatch(/^post\.csv line 2 \(particle 0\), column talks\.nothing = 1: /);
  });

  it('checks each particle with the run\'s --set: a policy switched there has other parameters', () => {
    // The policy switched by --set has no batchSize.
    expect(refusal(`${HEAD}\n0,1,20,50\n`, {...TARGET, options: {set: ['agents.government.policy=boulware']}})).toBe(
      'post.csv line 2 (particle 0), column agents.government.params.batchSize = 50: agents.government.params: unknown field "batchSize"',
    );
  });

  it('refuses a --set (or a section holding it) on a drawn path, naming both', () => {
    const message = 'the posterior post.csv (column agents.taliban.params.batchCap) both set agents.taliban.params.batchCap: a run would take one of the two without saying which; keep one';
    expect(refusal(`${HEAD}\n0,1,20,50\n`, {...TARGET, options: {set: ['agents.taliban.params.batchCap=30']}})).toBe(`--set agents.taliban.params.batchCap=30 and ${message}`);
    expect(refusal(`${HEAD}\n0,1,20,50\n`, {...TARGET, options: {set: ['agents.taliban.params={batchCap: 30}']}})).toBe(`--set agents.taliban.params={batchCap: 30} and ${message}`);
    // Another parameter of the same agent is no conflict.
    expect(() => checkPosterior(two(1, 1), {...TARGET, options: {set: ['agents.taliban.params.lagDays=3']}})).not.toThrow();
  });
});

describe('the draw', () => {
  it('follows the weights: 0.25 / 0.75 over 4,000 seeds, within binomial error', () => {
    const p = two(1, 3);
    const n = 4000;
    let ones = 0;
    for (let i = 0; i < n; i++) ones += drawParticle(p, `seed-${i}`);
    // Four standard deviations of Binomial(4000, 0.75): about 110.
    expect(Math.abs(ones - 0.75 * n)).toBeLessThan(4 * Math.sqrt(n * 0.25 * 0.75));
    // And the other way round, so a draw that ignored the weights could not pass both.
    let flipped = 0;
    for (let i = 0; i < n; i++) flipped += drawParticle(two(3, 1), `seed-${i}`);
    expect(Math.abs(flipped - 0.25 * n)).toBeLessThan(4 * Math.sqrt(n * 0.25 * 0.75));
  });

  it('never draws a particle of weight 0, whichever end it is at', () => {
    const p = parsePosterior(`${HEAD}\n0,0,1,1\n1,2,2,2\n2,0,3,3\n3,1,4,4\n4,0,5,5\n`, 'post.csv');
    const drawn = new Set(Array.from({length: 2000}, (_, i) => drawParticle(p, String(i))));
    expect([...drawn].sort()).toEqual([1, 3]);
  });

  it('depends on the seed alone: the same seed, the same particle, in any order and from a copy', () => {
    const p = parsePosterior(`${HEAD}\n${Array.from({length: 50}, (_, k) => `${k},${k + 1},${k},${k}`).join('\n')}\n`, 'post.csv');
    const seeds = Array.from({length: 200}, (_, i) => `s-${i}`);
    const forward = seeds.map((s) => drawParticle(p, s));
    const copy = structuredClone(p); // what a worker thread receives
    expect(seeds.toReversed().map((s) => drawParticle(copy, s))).toEqual(forward.toReversed());
    expect(new Set(forward).size).toBeGreaterThan(20);
  });
});

describe('a run drawn from a posterior', () => {
  it('is the run with the particle given by --set, after the file', () => {
    const p = two(1, 1);
    const seeds = Array.from({length: 40}, (_, i) => `run-${i}`);
    const k = seeds.map((seed) => drawParticle(p, seed));
    expect(new Set(k)).toEqual(new Set([0, 1]));
    for (const seed of seeds.slice(0, 6)) {
      const {loaded, draw} = drawnScenario({...TARGET, options: {seed, set: ['stall.rollouts=0']}}, p);
      const [cap, size] = p.values[draw.particle]!;
      expect(draw).toEqual({file: 'post.csv', digest: p.digest, particles: 2, particle: drawParticle(p, seed), weight: 0.5, values: {'agents.taliban.params.batchCap': cap, 'agents.government.params.batchSize': size}});
      const set = parseScenario(DATA, FILE, {seed, set: ['stall.rollouts=0', `agents.taliban.params.batchCap=${cap}`, `agents.government.params.batchSize=${size}`]});
      expect(runSimulation(loaded.config).daily).toEqual(runSimulation(set.config).daily);
      expect(drawnConfigs({...TARGET, options: {set: ['stall.rollouts=0']}}, p)(seed).agents.taliban.params).toEqual(set.config.agents.taliban.params);
    }
  });

  it("has its stall-risk rollouts run with the drawn particle (prepareRun's config, and the dashboard's on a new seed)", async () => {
    const p = two(1, 1);
    const a = 'risk-0';
    const b = Array.from({length: 20}, (_, i) => `risk-${i + 1}`).find((s) => drawParticle(p, s) !== drawParticle(p, a))!;
    const set = (seed: string): string[] => ['stall.rollouts=30', 'days=70', ...p.paths.map((path, c) => `${path}=${p.values[drawParticle(p, seed)]![c]}`)];
    const risk = (config: Parameters<typeof runSimulation>[0]): number[] => Array.from(runSimulation(config, {stallRisk: true}).daily.riskP.slice(0, 70));
    const prepared = await prepareRun({ref: FILE, load: {seed: a, set: ['stall.rollouts=30', 'days=70']}, posterior: p});
    const alone = parseScenario(DATA, FILE, {seed: a, set: set(a)}).config;
    expect(risk(prepared.config)).toEqual(risk(alone));
    expect(risk(prepared.configFor(b))).toEqual(risk(parseScenario(DATA, FILE, {seed: b, set: set(b)}).config));
    // The particles' estimates differ, so the equalities above say which particle the rollouts ran.
    expect(risk(prepared.configFor(b))).not.toEqual(risk({...alone, seed: b}));
  });

  it("names the particle a seed drew for the dashboard's header, and draws anew on a restart with a new seed", async () => {
    const p = two(1, 1);
    const a = 'risk-0';
    const b = Array.from({length: 20}, (_, i) => `risk-${i + 1}`).find((s) => drawParticle(p, s) !== drawParticle(p, a))!;
    const prepared = await prepareRun({ref: FILE, load: {seed: a, set: ['stall.rollouts=0', 'days=20']}, posterior: p});
    expect(prepared.drawnFor(a)).toBe(`particle ${drawParticle(p, a)} of post.csv`);
    const timers = {now: () => 0, later: () => null, cancel: () => {}};
    const loop = new SimLoop((seed) => startRun(prepared.configFor(seed), prepared.options), {seed: a, paused: true, timers, drawn: prepared.drawnFor});
    expect(loop.getSnapshot().drawn).toBe(`particle ${drawParticle(p, a)} of post.csv`);
    loop.restart(b);
    expect(loop.getSnapshot().drawn).toBe(`particle ${drawParticle(p, b)} of post.csv`);
    loop.dispose();
    const without = await prepareRun({ref: FILE, load: {seed: a, set: ['stall.rollouts=0', 'days=20']}});
    expect(without.drawnFor(a)).toBeNull();
  });
});

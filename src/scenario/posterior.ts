// Runs driven by a posterior sample (`--posterior post.csv`): each run draws one particle by
// weight, from its seed alone, and the particle's values go in as overrides after the scenario
// file. The format is posterior-file.ts's; here the paths and values are checked against a
// scenario (as --set would check them: an unknown path, a value out of range), a --set or a
// sweep's parameter on a drawn path is refused (either would silently win), and a seed's particle
// is chosen.
import {readFileSync} from 'node:fs';
import type {SimConfig} from '../sim/config.js';
import type {PosteriorDraw} from '../sim/report.js';
import {createRng} from '../sim/rng.js';
import {byAssignment} from '../sim/shape.js';
import {InputError} from './errors.js';
import type {Override} from './overrides.js';
import {parsePosterior, type Posterior} from './posterior-file.js';
import {optionOverrides, parseScenario, type LoadedScenario, type LoadOptions} from './resolve.js';
import {scenarioVariants} from './variants.js';

export type {Posterior};
export {parsePosterior};

/** The scenario a posterior drives: its file and data as read, and the options its runs load it with. */
export interface PosteriorTarget {
  file: string;
  data: unknown;
  /** `--set`, `--seed`, `--days` (or a sweep's `set` and `days`): the particle's overrides follow them. */
  options?: LoadOptions;
}

/**
 * Reads and checks a posterior file: its format, and with a target, every particle against the
 * scenario (checkPosterior). Each problem is one line naming the file and the field.
 */
export function readPosterior(file: string, target?: PosteriorTarget): Posterior {
  const posterior = parsePosterior(readText(file), file);
  if (target) checkPosterior(posterior, target);
  return posterior;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${file}: no such posterior file`, file);
    if (code === 'EISDIR') throw new InputError(`${file}: is a folder, not a posterior file`, file);
    throw new InputError(`${file}: cannot read the posterior${code ? ` (${code})` : ''}`, file);
  }
}

/**
 * Refuses a drawn path that `others` also write (the path, a section holding it, or a field inside
 * it): the run would take one of the two values without saying which. `name` says where each
 * other override comes from (`--set …` by default).
 */
export function refuseOverlap(posterior: Posterior, others: readonly Override[], name: (o: Override) => string = (o) => o.flag ?? `--set ${o.text}`): void {
  for (const path of posterior.paths) {
    const drawn = path.split('.');
    const o = others.find((x) => startsWith(x.path, drawn) || startsWith(drawn, x.path));
    if (o) throw new InputError(`${name(o)} and the posterior ${posterior.file} (column ${path}) both set ${path}: a run would take one of the two without saying which; keep one`, posterior.file);
  }
}

const startsWith = (a: readonly string[], b: readonly string[]): boolean => b.length <= a.length && b.every((seg, i) => a[i] === seg);

/** How a particle's override is named in the scenario's messages: "(from <this>)". */
const columnFlag = (posterior: Posterior, path: string): string => `${posterior.file} column ${path}`;

/** Particle k's values as overrides, in column order. */
export function particleOverrides(posterior: Posterior, k: number): Override[] {
  const values = posterior.values[k]!;
  return posterior.paths.map((path, c) => ({path: path.split('.'), value: values[c], text: `${path}=${values[c]}`, flag: columnFlag(posterior, path)}));
}

/**
 * Checks a posterior against the scenario it drives: no path also set by the options, and every
 * particle's values valid in it (the scenario's own checks, as for --set). The first problem is
 * one line naming the file, the particle's line and the column.
 */
export function checkPosterior(posterior: Posterior, target: PosteriorTarget): void {
  const options = target.options ?? {};
  refuseOverlap(posterior, optionOverrides(options));
  const variant = scenarioVariants(target.data, target.file, {set: options.set, days: options.days});
  const extra = options.overrides ?? [];
  for (let k = 0; k < posterior.weights.length; k++) {
    try {
      variant([...extra, ...particleOverrides(posterior, k)]);
    } catch (e) {
      if (e instanceof InputError) throw particleProblem(posterior, k, e);
      throw e;
    }
  }
}

/** The first problem of the scenario's message, in the posterior's terms: its line, particle and column. */
function particleProblem(posterior: Posterior, k: number, e: InputError): InputError {
  const lines = e.message.split('\n');
  // A scenario's message lists problems as "  - path: what (from …)"; --set's own are one line.
  const problem = (lines.length > 1 ? lines[1]! : lines[0]!).replace(/^\s*- /, '');
  const at = `${posterior.file} line ${posterior.lines[k]} (particle ${k})`;
  for (const [c, path] of posterior.paths.entries()) {
    const value = posterior.values[k]![c];
    const column = `${at}, column ${path} = ${value}`;
    const from = ` (from ${columnFlag(posterior, path)})`;
    if (problem.endsWith(from)) return new InputError(`${column}: ${problem.slice(0, -from.length).replace(`${path}: `, '')}`, posterior.file);
    const set = `--set ${path}=${value}: `;
    if (problem.startsWith(set)) return new InputError(`${column}: ${problem.slice(set.length)}`, posterior.file);
  }
  return new InputError(`${at}: with this particle the scenario is invalid: ${problem}`, posterior.file);
}

/** Per posterior, the cumulative normalised weights the draws search. */
const cumulative = new WeakMap<Posterior, Float64Array>();

/**
 * The particle a run with this seed uses: chosen by weight from a stream keyed by the seed
 * alone (`posterior:<seed>`), so a seed gets the same particle whatever runs beside it, on any
 * thread, shard or resume. A particle of weight 0 is never drawn.
 */
export function drawParticle(posterior: Posterior, seed: string): number {
  let cum = cumulative.get(posterior);
  if (!cum) {
    cum = new Float64Array(posterior.weights.length);
    let sum = 0;
    posterior.weights.forEach((w, k) => (cum![k] = sum += w));
    cumulative.set(posterior, cum);
  }
  const u = createRng(`posterior:${seed}`).next();
  // The first particle whose cumulative weight is above u (one of weight 0 never is).
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  // Rounding can leave the total a hair under 1, and u above it: the last particle that has weight.
  while (posterior.weights[lo] === 0) lo--;
  return lo;
}

/** What a run's report says of its draw. */
export function posteriorDraw(posterior: Posterior, k: number): PosteriorDraw {
  const values: Record<string, number> = {};
  posterior.paths.forEach((path, c) => (values[path] = posterior.values[k]![c]!));
  return {file: posterior.file, digest: posterior.digest, particles: posterior.weights.length, particle: k, weight: posterior.weights[k]!, values};
}

/**
 * The scenario of one run with the particle its seed draws: loaded as parseScenario loads it
 * with `options` (whose seed, or the scenario's, is the run's), the particle's overrides after
 * them. The posterior is checked against the scenario first (checkPosterior).
 */
export function drawnScenario(target: PosteriorTarget, posterior: Posterior): {loaded: LoadedScenario; draw: PosteriorDraw} {
  const options = target.options ?? {};
  // The scenario alone first: its own problems are its file's, not the posterior's.
  const seed = parseScenario(target.data, target.file, options).config.seed;
  checkPosterior(posterior, target);
  const k = drawParticle(posterior, seed);
  const loaded = parseScenario(target.data, target.file, {...options, overrides: [...(options.overrides ?? []), ...particleOverrides(posterior, k)]});
  return {loaded, draw: posteriorDraw(posterior, k)};
}

/**
 * Configs for an ensemble of seeds, each with the particle its seed draws (the posterior checked
 * against the scenario first). A particle's config is made once and shared by the seeds that
 * draw it, with only the seed changed.
 */
export function drawnConfigs(target: PosteriorTarget, posterior: Posterior): (seed: string) => SimConfig {
  checkPosterior(posterior, target);
  const options = target.options ?? {};
  const variant = scenarioVariants(target.data, target.file, {set: options.set, days: options.days});
  const made = new Map<number, SimConfig>();
  return (seed) => {
    const k = drawParticle(posterior, seed);
    let config = made.get(k);
    if (!config) made.set(k, (config = variant([...(options.overrides ?? []), ...particleOverrides(posterior, k)])));
    return Object.assign(byAssignment(config), {seed});
  };
}

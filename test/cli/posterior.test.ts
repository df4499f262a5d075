// --posterior through the built CLI: a bad file is one line naming the file and the field, exit 2;
// `run` draws one particle by its seed, the same every time, and says which; `replay --compare`
// draws one a seed, and its band widens with the parameters' spread.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import type {Comparison} from '../../src/analysis/compare.js';
import type {RunReport} from '../../src/sim/report.js';
import {hasStackTrace, parley, removeTempDirs, ROOT, tempDir} from '../helpers/cli.js';

afterAll(removeTempDirs);

const dir = tempDir();
/** Government batches of 30 or 150, equal weights. */
const BATCH_SIZES = join(ROOT, 'test/fixtures/posterior-batch-sizes.csv');

function posterior(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const TWO = posterior('two.csv', '# hand-made\nparticle,weight,agents.taliban.params.batchCap,agents.government.params.batchSize\n0,1,20,50\n1,3,80,200\n');

describe('a bad posterior', () => {
  const bad = (name: string, body: string): string => posterior(name, `particle,weight,agents.taliban.params.batchCap\n${body}`);
  it.each([
    ['missing', ['run', 'afghanistan-2020', '--posterior', join(dir, 'none.csv')], `${join(dir, 'none.csv')}: no such posterior file`],
    ['a weight', ['run', 'afghanistan-2020', '--posterior', bad('weight.csv', '0,-2,20\n')], `${join(dir, 'weight.csv')} line 2 (particle 0): weight -2 is negative`],
    ['a value', ['run', 'afghanistan-2020', '--posterior', bad('value.csv', '0,1,20\n1,1,many\n')], `${join(dir, 'value.csv')} line 3 (particle 1), column agents.taliban.params.batchCap: "many" is not a finite number`],
    ['a value out of range', ['run', 'afghanistan-2020', '--posterior', bad('range.csv', '0,1,-1\n')], `${join(dir, 'range.csv')} line 2 (particle 0), column agents.taliban.params.batchCap = -1: Too small`],
    ['an unknown path', ['run', 'afghanistan-2020', '--posterior', posterior('path.csv', 'particle,weight,agents.taliban.params.batchCapp\n0,1,20\n')], 'column agents.taliban.params.batchCapp = 20: agents.taliban.params: unknown field "batchCapp"; did you mean batchCap?'],
    ['a bad header', ['replay', '--compare', '--runs', '2', '--posterior', posterior('head.csv', 'id,weight,agents.taliban.params.batchCap\n0,1,20\n')], `${join(dir, 'head.csv')} line 1: the header must start with particle,weight, not id,weight`],
    ['a --set on a drawn path', ['run', 'afghanistan-2020', '--posterior', TWO, '--set', 'agents.government.params.batchSize=70'], `--set agents.government.params.batchSize=70 and the posterior ${TWO} (column agents.government.params.batchSize) both set`],
  ])('exits 2 with one line naming the file and the field: %s', async (_, args, message) => {
    const r = await parley(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toMatch(/^parley: /);
  });

  it('goes with --compare in a replay', async () => {
    const r = await parley(['replay', '--posterior', TWO]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--posterior goes with --compare');
  });
});

describe('parley run --posterior', () => {
  const run = (...args: string[]) => parley(['run', 'afghanistan-2020', '--posterior', TWO, '--no-stall-risk', ...args]);

  it('is deterministic: the same seed, the same particle and the same bytes; the summary says which particle, with its values', async () => {
    const [a, b] = [await run('--seed', '11'), await run('--seed', '11')];
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const [json1, json2] = [await run('--seed', '11', '--json'), await run('--seed', '11', '--json')];
    expect(json2.stdout).toBe(json1.stdout);
    const report = JSON.parse(json1.stdout) as RunReport;
    const p = report.posterior!;
    expect(p).toMatchObject({file: TWO, particles: 2, weight: p.particle === 0 ? 0.25 : 0.75});
    const values = p.particle === 0 ? {cap: 20, size: 50} : {cap: 80, size: 200};
    expect(p.values).toEqual({'agents.taliban.params.batchCap': values.cap, 'agents.government.params.batchSize': values.size});
    expect(report.policies.taliban.params.batchCap).toBe(values.cap);
    expect(report.policies.government.params.batchSize).toBe(values.size);
    const flat = a.stdout.replace(/\n {11}/g, ' ');
    expect(flat).toContain(`Posterior  particle ${p.particle} of 2 in ${TWO} (weight ${p.weight}): agents.taliban.params.batchCap=${values.cap}, agents.government.params.batchSize=${values.size}`);
    // The same run as --set gives it: the particle's values after the scenario file.
    const set = await parley(['run', 'afghanistan-2020', '--no-stall-risk', '--seed', '11', '--json', '--set', `agents.taliban.params.batchCap=${values.cap}`, '--set', `agents.government.params.batchSize=${values.size}`]);
    expect({...(JSON.parse(set.stdout) as RunReport), posterior: p}).toEqual(report);
  });

  it('draws both particles over a few seeds, each run saying its own', async () => {
    const drawn = new Set<number>();
    for (const seed of ['1', '2', '3', '4', '5', '6']) drawn.add((JSON.parse((await run('--seed', seed, '--json', '--days', '20')).stdout) as RunReport).posterior!.particle);
    expect(drawn).toEqual(new Set([0, 1]));
  });

  it('has no posterior in the report without it', async () => {
    const r = await parley(['run', 'afghanistan-2020', '--no-stall-risk', '--days', '5', '--json']);
    expect((JSON.parse(r.stdout) as RunReport).posterior).toBeNull();
  });
});

describe('parley replay --compare --posterior', () => {
  type WithPosterior = Comparison & {posterior?: {file: string; particles: number; drawn: number}};
  const compare = async (...args: string[]): Promise<WithPosterior> => {
    const r = await parley(['replay', '--compare', '--runs', '60', '--json', ...args]);
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as WithPosterior;
  };
  /** The 10-90% band's width summed over the government's observed dates. */
  const width = (c: Comparison): number => c.band.filter((b) => b.side === 'government').reduce((w, b) => w + b.p90! - b.p10!, 0);

  it('gives each seed its own particle: two very different batch sizes widen the band', async () => {
    const plain = await compare();
    const drawn = await compare('--posterior', BATCH_SIZES);
    expect(plain.posterior).toBeUndefined();
    expect(drawn.posterior).toMatchObject({file: BATCH_SIZES, particles: 2, drawn: 2});
    expect(width(drawn)).toBeGreaterThan(1.5 * width(plain));
  });

  it('says in its text that the posterior is in use', async () => {
    const r = await parley(['replay', '--compare', '--runs', '10', '--posterior', BATCH_SIZES]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe(`parameters drawn from the posterior ${BATCH_SIZES}: each seed its own particle by weight (2 of 2 drawn), so the bands carry parameter uncertainty`);
  });
});

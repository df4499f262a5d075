// The golden run: bundled `baseline`, seed 42, stall risk on. Its report hash is pinned; after
// tuning the model or the scenario, re-pin it with `npx vitest run test/sim/determinism.test.ts -u`
// (file first: with `-u test/...` vitest ran every test file). The same process twice and a
// fresh Node process running the built dist/ must all agree.
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {loadScenario} from '../../src/scenario/resolve.js';
import {buildReport} from '../../src/sim/report.js';
import {runSimulation} from '../../src/sim/run.js';
import {DIST, distModule} from '../helpers/cli.js';
import {sha256} from '../helpers/scenario.js';

const VERSION = 'golden';
const SET = ['stall.rollouts=50'];

function goldenReportJson(): string {
  const {config} = loadScenario('baseline', {seed: '42', set: SET});
  return JSON.stringify(buildReport(runSimulation(config, {stallRisk: true}), VERSION));
}

/** The same run in a fresh Node process, from the compiled engine (the global setup builds it). */
function hashInChildProcess(): string {
  const mod = (path: string) => JSON.stringify(distModule(path));
  const script = `
    import {createHash} from 'node:crypto';
    const {loadScenario} = await import(${mod('scenario/resolve.js')});
    const {runSimulation} = await import(${mod('sim/run.js')});
    const {buildReport} = await import(${mod('sim/report.js')});
    const {config} = loadScenario('baseline', {seed: '42', set: ${JSON.stringify(SET)}});
    const json = JSON.stringify(buildReport(runSimulation(config, {stallRisk: true}), ${JSON.stringify(VERSION)}));
    process.stdout.write(createHash('sha256').update(json).digest('hex'));
  `;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8'}).trim();
}

describe('determinism', () => {
  let json = '';
  let hash = '';
  beforeAll(() => {
    json = goldenReportJson();
    hash = sha256(json);
  });

  it('the golden run has the pinned hash', () => {
    expect(hash).toMatchInlineSnapshot(`"3beb7d679214c6778d79f00088865631de45dca8e1293189dc5af98828366ec3"`);
  });

  it('is a real run with stall risk', () => {
    const report = JSON.parse(json) as {seed: string; rounds: number; daily: {stallRisk: unknown}[]};
    expect(report.seed).toBe('42');
    expect(report.rounds).toBeGreaterThan(0);
    expect(report.daily.some((d) => d.stallRisk !== null)).toBe(true);
  });

  it('gives the same report twice in one process', () => {
    const again = goldenReportJson();
    expect(sha256(again)).toBe(hash);
    expect(again).toBe(json);
  });

  it('gives the same hash in a fresh process running the built dist/', () => {
    if (!existsSync(join(DIST, 'sim/run.js'))) throw new Error(`no build in ${DIST}: run \`npx tsc -p tsconfig.build.json\` (npm test does)`);
    expect(hashInChildProcess(), 'a stale dist/? rebuild with `npx tsc -p tsconfig.build.json`').toBe(hash);
  });
});

// The CLI's contract outside `run`: help, version, exit codes and messages for bad usage and bad
// input, list, validate, schema. Each test runs the built CLI in a child process.
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {policiesFor} from '../../src/agents/registry.js';
import type {Io} from '../../src/cli/io.js';
import {main} from '../../src/cli/main.js';
import {bundledScenarioNames, SCENARIO_DIR} from '../../src/scenario/load.js';
import {AGENTS} from '../../src/sim/types.js';
import {bundledSensitivityNames, SENSITIVITY_DIR} from '../../src/sensitivity/plan.js';
import {bundledSweepNames, SWEEP_DIR} from '../../src/sweep/plan.js';
import {DEFAULT_AGENTS, hasEscapes, hasStackTrace, longLines, parley, removeTempDirs, ROOT, tempDir, writeScenario} from '../helpers/cli.js';

afterAll(removeTempDirs);

interface Manifest {
  name: string;
  version: string;
  bin?: Record<string, string>;
  packages?: Record<string, {name?: string; version?: string}>;
}
const manifest = (file: string): Manifest => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Manifest;
const pkg = manifest('package.json');

describe('help and version', () => {
  it('--help leads with examples, documents the exit codes and fits 80 columns', async () => {
    const r = await parley(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const examples = r.stdout.indexOf('Examples');
    expect(examples).toBeGreaterThanOrEqual(0);
    expect(examples).toBeLessThan(r.stdout.indexOf('Commands'));
    for (const code of ['0', '1', '2', '130']) expect(r.stdout).toMatch(new RegExp(`^\\s+${code}\\s+\\S`, 'm'));
    expect(longLines(r.stdout)).toEqual([]);
  });

  it('-h after a command shows that command\'s help', async () => {
    const r = await parley(['run', '-h']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: parley run /);
  });

  it('--version prints the package and its version', async () => {
    const r = await parley(['--version']);
    expect(r).toMatchObject({code: 0, stdout: `parley-sim ${pkg.version}\n`, stderr: ''});
  });

  it('the package is parley-sim, a free name (`parley` on npm is an unrelated package); its command is parley', () => {
    expect(pkg.name).toBe('parley-sim');
    expect(pkg.bin).toEqual({parley: 'dist/bundle/bin.js'});
    const lock = manifest('package-lock.json');
    expect([lock.name, lock.packages?.['']?.name]).toEqual([pkg.name, pkg.name]);
    expect([lock.version, lock.packages?.['']?.version]).toEqual([pkg.version, pkg.version]);
  });
});

describe('bad usage: exit 2, the problem named, a pointer to --help', () => {
  const cases: [string, string[], string][] = [
    ['unknown command', ['frob'], '"frob"'],
    ['unknown flag', ['run', 'baseline', '--frob'], '--frob'],
    ['unknown short flag', ['list', '-x'], '-x'],
    ['flag before any command', ['--json'], '--json'],
    ['--days zero', ['run', 'baseline', '--days', '0'], '--days'],
    ['--days not a number', ['run', 'baseline', '--days', 'soon'], '--days'],
    ['--days fractional', ['run', 'baseline', '--days=1.5'], '--days'],
    ['--days negative', ['run', 'baseline', '--days=-3'], '--days'],
    ['--days without a value', ['run', 'baseline', '--days'], '--days'],
    ['--seed without a value', ['run', 'baseline', '--seed'], '--seed'],
    ['a value for a switch', ['run', 'baseline', '--json=yes'], '--json'],
    ['--json with --ndjson', ['run', 'baseline', '--json', '--ndjson'], '--ndjson'],
    ['two scenarios to run', ['run', 'baseline', 'baseline'], 'one scenario'],
    ['validate without a scenario', ['validate'], 'validate'],
    ['arguments to schema', ['schema', 'extra'], 'extra'],
  ];
  it.each(cases)('%s', async (_name, args, named) => {
    const r = await parley(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(named);
    expect(r.stderr).toContain('see parley --help');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

describe('bad input: exit 2, the file and field named, no stack trace', () => {
  const dir = tempDir();
  const good = writeScenario(dir, 'good.yaml');

  async function expectInputError(args: string[], ...named: string[]) {
    const r = await parley(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(hasStackTrace(r.stderr)).toBe(false);
    for (const text of named) expect(r.stderr).toContain(text);
    return r;
  }

  it('a missing file', async () => {
    const r = await expectInputError(['run', join(dir, 'missing.yaml')], join(dir, 'missing.yaml'));
    // The message lists the bundled names a user may have meant.
    expect(r.stderr).toContain('baseline');
  });

  it('malformed YAML', async () => {
    const file = join(dir, 'malformed.yaml');
    writeFileSync(file, 'name: x\n  description: [unclosed\n');
    await expectInputError(['run', file], file, 'YAML');
  });

  it('malformed JSON', async () => {
    const file = join(dir, 'malformed.json');
    writeFileSync(file, '{"name": "x",');
    await expectInputError(['validate', file], file, 'JSON');
  });

  it('a schema violation names the field path', async () => {
    const file = writeScenario(dir, 'small-batch.yaml', `agents:
  government:
    policy: phased-conditional
    params: {batchSize: 1}
  taliban: {policy: ratio-releaser}
  us: {policy: facilitator}`);
    await expectInputError(['run', file, '--no-stall-risk'], file, 'agents.government.params.batchSize');
  });

  it('an information date before the start names the file and the field', async () => {
    const file = writeScenario(dir, 'hindsight.yaml', `information: 2020-02-01\n${DEFAULT_AGENTS}`);
    await expectInputError(['validate', file], file, 'information: 2020-02-01 is before the scenario starts (2020-03-01)');
  });

  it('an unknown field names the field', async () => {
    const file = writeScenario(dir, 'typo.yaml', `agents:
  government: {policy: phased-conditional, params: {batchsize: 200}}
  taliban: {policy: ratio-releaser}
  us: {policy: facilitator}`);
    await expectInputError(['validate', file], file, 'agents.government.params', 'batchsize');
  });

  it('an unknown policy lists the choices', async () => {
    const file = writeScenario(dir, 'unknown-policy.yaml', `agents:
  government: {policy: phased-conditional}
  taliban: {policy: hardliner}
  us: {policy: facilitator}`);
    const names = policiesFor('taliban').map((p) => p.name);
    await expectInputError(['run', file], file, 'agents.taliban.policy', 'hardliner', ...names);
  });

  it('a value out of range given with --set', async () => {
    await expectInputError(['run', good, '--set', 'agents.government.params.batchSize=99999'], good, 'agents.government.params.batchSize');
  });

  it('an unknown policy given with --set', async () => {
    await expectInputError(['validate', good, '--set', 'agents.us.policy=nobody'], 'agents.us.policy', 'nobody', 'facilitator');
  });

  it('a --set without =', async () => {
    await expectInputError(['run', good, '--set', 'agents.government.params.batchSize'], '--set', 'path=value');
  });

  it('--days beyond the schema limit names days', async () => {
    await expectInputError(['run', good, '--days', '999999'], good, 'days');
  });

  it('an --out file that cannot be written', async () => {
    const out = join(dir, 'no-such-folder', 'report.json');
    await expectInputError(['run', good, '--json', '--out', out], out);
  });
});

describe('parley list', () => {
  it('shows every bundled scenario, sweep spec and policy, in 80 columns, without colour', async () => {
    const r = await parley(['list'], {env: {FORCE_COLOR: '1'}});
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const name of bundledScenarioNames()) expect(r.stdout).toContain(name);
    expect(r.stdout).toContain('Sweeps (parley sweep NAME --out runs.csv)');
    for (const name of bundledSweepNames()) expect(r.stdout).toMatch(new RegExp(`^  ${name}  +\\S`, 'm'));
    expect(r.stdout).toContain('Sensitivity analyses (parley sensitivity NAME --out runs.csv)');
    for (const name of bundledSensitivityNames()) expect(r.stdout).toMatch(new RegExp(`^  ${name}  +\\S`, 'm'));
    for (const agent of AGENTS) for (const p of policiesFor(agent)) expect(r.stdout).toContain(p.name);
    expect(r.stdout).toContain('batchSize');
    expect(longLines(r.stdout)).toEqual([]);
    expect(hasEscapes(r.stdout)).toBe(false);
  });

  it('--json lists scenarios and, per agent, at least 4 policies with documented parameters', async () => {
    const r = await parley(['list', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      scenarios: {name: string; description: string; file: string}[];
      sweeps: {name: string; description: string; file: string}[];
      sensitivity: {name: string; description: string; file: string}[];
      calibration: {name: string; description: string; file: string}[];
      policies: {agent: string; name: string; summary: string; theory: string; params: Record<string, unknown>[]}[];
    };
    expect(Object.keys(doc)).toEqual(['scenarios', 'sweeps', 'sensitivity', 'calibration', 'policies']);
    expect(doc.sensitivity.map((s) => s.name)).toEqual(['afghanistan-2020-all']);
    expect(doc.calibration.map((s) => s.name)).toEqual(['afghanistan-2020@2020-05-31', 'afghanistan-2020@2020-06-30', 'afghanistan-2020@2020-07-31']);
    for (const s of doc.sensitivity) expect(s.description.length > 0 && s.file.startsWith(SENSITIVITY_DIR), s.name).toBe(true);
    expect(doc.scenarios.map((s) => s.name)).toEqual(bundledScenarioNames());
    expect(doc.sweeps.map((s) => s.name)).toEqual(bundledSweepNames());
    for (const s of doc.sweeps) expect(s.description.length > 0 && s.file.startsWith(SWEEP_DIR), s.name).toBe(true);
    for (const s of doc.scenarios) {
      expect(s.description.length).toBeGreaterThan(0);
      expect(s.file.startsWith(SCENARIO_DIR)).toBe(true);
    }
    for (const agent of AGENTS) expect(doc.policies.filter((p) => p.agent === agent).length).toBeGreaterThanOrEqual(4);
    for (const p of doc.policies) {
      expect(p.summary.length).toBeGreaterThan(0);
      expect(p.theory.length).toBeGreaterThan(0);
      expect(p.params.length).toBeGreaterThan(0);
      for (const param of p.params) {
        expect(Object.keys(param)).toEqual(expect.arrayContaining(['name', 'type', 'default', 'min', 'max', 'description']));
        expect(param.default, `${p.name}.${String(param.name)}`).not.toBeUndefined();
        if (param.type === 'number' || param.type === 'integer') {
          expect(typeof param.min).toBe('number');
          expect(typeof param.max).toBe('number');
        }
        if (param.type === 'string') expect(param.values).toContain(param.default);
      }
    }
    const batchSize = doc.policies.find((p) => p.name === 'phased-conditional')!.params.find((q) => q.name === 'batchSize');
    expect(batchSize).toMatchObject({type: 'integer', default: expect.any(Number), min: expect.any(Number), max: expect.any(Number)});
  });
});

describe('parley validate', () => {
  it.each(bundledScenarioNames())('bundled scenario %s is valid', async (name) => {
    const r = await parley(['validate', name]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\S+: valid \(.+, \d+ days, government=[\w-]+, taliban=[\w-]+, us=[\w-]+\)\n$/);
  });

  it('checks several files, reports each, and fails if any is invalid', async () => {
    const dir = tempDir();
    const good = writeScenario(dir, 'good.yaml');
    const bad = writeScenario(dir, 'bad.yaml', 'agents: {}');
    const r = await parley(['validate', good, bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(`${good}: valid (cli-test, 60 days, government=phased-conditional, taliban=ratio-releaser, us=facilitator)\n`);
    expect(r.stderr).toContain(bad);
    expect(r.stderr).toContain('agents.government');
  });

  it('applies --set before checking', async () => {
    const dir = tempDir();
    const good = writeScenario(dir, 'good.yaml');
    const r = await parley(['validate', good, '--set', 'agents.taliban.policy=obstinate-list', '--set', 'days=90']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('90 days');
    expect(r.stdout).toContain('taliban=obstinate-list');
  });
});

describe('parley schema', () => {
  it('prints the JSON Schema that docs/scenario.schema.json holds (regenerate: parley schema > docs/scenario.schema.json)', async () => {
    const r = await parley(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as {properties: Record<string, unknown>};
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['name', 'agents', 'events', 'stall']));
    expect(readFileSync(join(ROOT, 'docs/scenario.schema.json'), 'utf8')).toBe(r.stdout);
  });

  const yamlFiles = readdirSync(SCENARIO_DIR).filter((f) => /\.ya?ml$/.test(f));
  it.each(yamlFiles)('bundled scenario %s points editors at the schema', (file) => {
    const text = readFileSync(join(SCENARIO_DIR, file), 'utf8');
    expect(text).toContain('# yaml-language-server: $schema=../docs/scenario.schema.json');
  });
});

describe('internal errors', () => {
  // No input reaches this path on purpose, so main is called in-process with an output that fails.
  const failingIo = (stderr: string[]): Io => ({
    stdout: () => {
      throw new TypeError('disk on fire');
    },
    stderr: (text) => void stderr.push(text),
  });

  it('exit 1 with a one-line message and no stack trace', async () => {
    const stderr: string[] = [];
    expect(await main(['schema'], failingIo(stderr), {})).toBe(1);
    expect(stderr.join('')).toMatch(/^parley: internal error: disk on fire\n/);
    expect(hasStackTrace(stderr.join(''))).toBe(false);
  });

  it('the stack trace with PARLEY_DEBUG=1', async () => {
    const stderr: string[] = [];
    expect(await main(['schema'], failingIo(stderr), {PARLEY_DEBUG: '1'})).toBe(1);
    expect(hasStackTrace(stderr.join(''))).toBe(true);
  });
});

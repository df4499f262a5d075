// Each command's help, typo suggestions, and the schemas editors load: `parley COMMAND --help`
// prints every option the command parses (one table serves both), a near miss of a command,
// option or bundled name is suggested, and `parley schema sweep` is what docs/ and the package hold.
import {execFileSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join, normalize} from 'node:path';
import {describe, expect, it} from 'vitest';
import {optionLabel} from '../../src/cli/command-help.js';
import {USAGES} from '../../src/cli/usage/index.js';
import {SCENARIO_DIR} from '../../src/scenario/load.js';
import {SWEEP_DIR} from '../../src/sweep/plan.js';
import {main} from '../../src/cli/main.js';
import {hasStackTrace, longLines, parley, ROOT} from '../helpers/cli.js';

/** main() in-process (no child process: these only parse and print help). */
async function inProcess(args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  const out = {stdout: '', stderr: ''};
  const code = await main(args, {stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t)}, {});
  return {code, ...out};
}

const COMMANDS = ['run', 'replay', 'sweep', 'merge', 'summarize', 'sensitivity', 'calibrate', 'list', 'validate', 'schema'];

/** The `--name` of every line of the help's Options section. */
function helpOptions(help: string): string[] {
  const section = help.slice(help.indexOf('\nOptions\n'), help.indexOf('\nExamples\n'));
  return [...section.matchAll(/^ {2}(?:-h, )?--([\w-]+)/gm)].map((m) => m[1]!);
}

describe('parley COMMAND --help', () => {
  it('every command has a usage', () => {
    expect(Object.keys(USAGES).sort()).toEqual([...COMMANDS].sort());
  });

  it.each(COMMANDS)('%s: synopsis, every option with its meaning and default, two examples, 80 columns', async (command) => {
    const usage = USAGES[command]!;
    const [r, viaHelp] = await Promise.all([inProcess([command, '--help']), inProcess(['help', command])]);
    expect(r).toMatchObject({code: 0, stderr: ''});
    expect(viaHelp.stdout).toBe(r.stdout);
    expect(r.stdout).toMatch(new RegExp(`^Usage: parley ${command}\\b`));
    expect(longLines(r.stdout)).toEqual([]);
    expect(helpOptions(r.stdout)).toEqual([...Object.keys(usage.options), 'help']);
    for (const [name, o] of Object.entries(usage.options)) {
      const at = r.stdout.search(new RegExp(`^ {2}${optionLabel(name, o).replace(/[|.]/g, '\\$&')}\\s`, 'm'));
      expect(at, name).toBeGreaterThan(0);
      if (o.type === 'string') expect(o.value, `${name} has a placeholder`).toBeTruthy();
      if (o.defaultText !== undefined) expect(r.stdout.slice(at).replace(/\s+/g, ' ')).toContain(`(default: ${o.defaultText})`);
    }
    const examples = r.stdout.slice(r.stdout.indexOf('\nExamples\n'));
    expect(examples.match(new RegExp(`^ {2}parley ${command}\\b`, 'gm'))?.length).toBeGreaterThanOrEqual(2);
  });

  it('run --help documents --from, which the overview never did (the built CLI)', async () => {
    const r = await parley(['run', '--help']);
    expect(r).toMatchObject({code: 0, stderr: ''});
    expect(r.stdout).toMatch(/^Usage: parley run \[SCENARIO\]/);
    expect(r.stdout).toMatch(/^ {2}--from DATE +start from the historical record/m);
  });

  // An option the help lists is parsed: given before an unknown one, the error names the unknown
  // one, so the listed option itself was accepted (and took its value).
  it.each(COMMANDS.filter((c) => Object.keys(USAGES[c]!.options).length > 0))('%s parses every option its help lists', async (command) => {
    const help = (await inProcess([command, '--help'])).stdout;
    const options = helpOptions(help).filter((o) => o !== 'help');
    const results = await Promise.all(options.map((name) => inProcess([command, `--${name}`, ...(USAGES[command]!.options[name]!.type === 'string' ? ['x'] : []), '--zz-unknown'])));
    results.forEach((r, i) => expect(r.stderr, options[i]).toBe(`parley: unknown option --zz-unknown for ${command}; see parley --help\n`));
  });

  it('the overview stays: parley --help and parley help list the commands', async () => {
    const [a, b] = await Promise.all([inProcess(['--help']), inProcess(['help'])]);
    expect(b.stdout).toBe(a.stdout);
    for (const command of COMMANDS) expect(a.stdout).toMatch(new RegExp(`^ {2}${command}\\b`, 'm'));
    expect(a.stdout).toContain('parley COMMAND --help');
  });

  it('parley help with an unknown command is a usage error', async () => {
    const r = await inProcess(['help', 'sweeep']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean sweep?');
  });
});

describe('typos get a suggestion', () => {
  const cases: [string, string[], string][] = [
    ['a command', ['rnu'], 'unknown command "rnu"; did you mean run?'],
    ['an option of run', ['run', 'baseline', '--sed', '7'], 'unknown option --sed for run; did you mean --seed?'],
    ['an option of sweep, among its own', ['sweep', 'pace-and-patience', '--wokers', '2'], 'unknown option --wokers for sweep; did you mean --workers?'],
    ['a bundled scenario', ['run', 'basline'], 'basline: no such scenario file or bundled scenario; did you mean baseline?'],
    ['a bundled sweep', ['sweep', 'pace-and-patiense'], 'did you mean pace-and-patience?'],
    ['a bundled history', ['replay', 'afganistan-2020'], 'did you mean afghanistan-2020?'],
    ['a schema', ['schema', 'swep'], 'did you mean sweep?'],
  ];
  it.each(cases)('%s', async (_what, args, message) => {
    const r = await parley(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('nothing is suggested for a word far from every candidate', async () => {
    const [command, option] = await Promise.all([inProcess(['frobnicate']), inProcess(['run', '--zzzz'])]);
    expect(command.stderr).not.toContain('did you mean');
    expect(option.stderr).not.toContain('did you mean');
  });
});

describe('parley schema sweep', () => {
  it('prints the JSON Schema of sweep specs that docs/sweep.schema.json holds (regenerate: parley schema sweep > docs/sweep.schema.json)', async () => {
    const r = await parley(['schema', 'sweep']);
    expect(r).toMatchObject({code: 0, stderr: ''});
    const schema = JSON.parse(r.stdout) as {properties: Record<string, unknown>; additionalProperties: unknown};
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['name', 'scenario', 'vary', 'design', 'replicates', 'seed', 'metrics']));
    expect(schema.additionalProperties).toBe(false);
    expect(readFileSync(join(ROOT, 'docs/sweep.schema.json'), 'utf8')).toBe(r.stdout);
  });

  it('prints the JSON Schema of sensitivity specs that docs/sensitivity.schema.json holds (regenerate: parley schema sensitivity > docs/sensitivity.schema.json)', async () => {
    const r = await parley(['schema', 'sensitivity']);
    expect(r).toMatchObject({code: 0, stderr: ''});
    const schema = JSON.parse(r.stdout) as {properties: Record<string, unknown>; additionalProperties: unknown};
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['name', 'scenario', 'parameters', 'outputs', 'method', 'morris', 'sobol', 'replicates', 'seed']));
    expect(schema.additionalProperties).toBe(false);
    expect(readFileSync(join(ROOT, 'docs/sensitivity.schema.json'), 'utf8')).toBe(r.stdout);
    const bundled = readFileSync(join(SCENARIO_DIR, 'sensitivity/afghanistan-2020-all.yaml'), 'utf8');
    expect(bundled.split('\n')[0]).toBe('# yaml-language-server: $schema=../../docs/sensitivity.schema.json');
  });

  it('prints the JSON Schema of calibration specs that docs/calibration.schema.json holds (regenerate: parley schema calibration > docs/calibration.schema.json)', async () => {
    const r = await parley(['schema', 'calibration']);
    expect(r).toMatchObject({code: 0, stderr: ''});
    const schema = JSON.parse(r.stdout) as {properties: Record<string, unknown>; additionalProperties: unknown};
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['name', 'scenario', 'history', 'information', 'parameters', 'observed', 'abc', 'predictive', 'seed']));
    expect(schema.additionalProperties).toBe(false);
    expect(readFileSync(join(ROOT, 'docs/calibration.schema.json'), 'utf8')).toBe(r.stdout);
    for (const f of readdirSync(join(SCENARIO_DIR, 'calibration'))) {
      expect(readFileSync(join(SCENARIO_DIR, 'calibration', f), 'utf8').split('\n')[0], f).toBe('# yaml-language-server: $schema=../../docs/calibration.schema.json');
    }
  });

  it('parley schema scenario is parley schema', async () => {
    const [a, b] = await Promise.all([inProcess(['schema']), inProcess(['schema', 'scenario'])]);
    expect(b).toMatchObject({code: 0, stdout: a.stdout});
  });

  const specs = readdirSync(SWEEP_DIR).filter((f) => /\.ya?ml$/.test(f));
  it.each(specs)('bundled sweep %s points editors at the schema, and uses only its fields', (file) => {
    const text = readFileSync(join(SWEEP_DIR, file), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../docs/sweep.schema.json');
    const fields = [...text.matchAll(/^([a-z$][\w$]*):/gim)].map((m) => m[1]!);
    const schema = JSON.parse(readFileSync(join(ROOT, 'docs/sweep.schema.json'), 'utf8')) as {properties: Record<string, unknown>};
    for (const f of fields) expect(Object.keys(schema.properties), `${file}: ${f}`).toContain(f);
  });

  it('the npm package holds every schema a bundled file points at', () => {
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']})) as [{files: {path: string}[]}];
    const packed = new Set(pack.files.map((f) => f.path));
    expect(packed).toContain('docs/scenario.schema.json');
    expect(packed).toContain('docs/sweep.schema.json');
    expect(packed).toContain('docs/sensitivity.schema.json');
    expect(packed).toContain('docs/calibration.schema.json');
    const yaml = [...packed].filter((p) => p.startsWith('scenarios/') && p.endsWith('.yaml'));
    const targets = yaml.flatMap((p) => {
      const m = /^# yaml-language-server: \$schema=(\S+)/m.exec(readFileSync(join(ROOT, p), 'utf8'));
      return m ? [normalize(join(dirname(p), m[1]!))] : [];
    });
    expect(targets.length).toBeGreaterThanOrEqual(readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.yaml')).length + 3);
    for (const t of targets) expect(packed, t).toContain(t);
  }, 60_000);
});

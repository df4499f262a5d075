// A mistake in an npm script's options is a usage error, as in the CLI: one line naming the
// script and the option, exit code 2, no stack trace (src/cli/scripts/script-args.ts); the
// bench's probes, run by hand, say their usage (src/bench/probe-args.ts).
import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {scriptArgs, scriptCount} from '../../../src/cli/scripts/script-args.js';

const ROOT = new URL('../../..', import.meta.url);
const script = (file: string, ...args: string[]) => spawnSync(process.execPath, [new URL(file, ROOT).pathname, ...args], {encoding: 'utf8'});

describe('the npm scripts refuse bad options', () => {
  it.each([
    ['dist/cli/scripts/param-audit.js', ['--bogus'], /^npm run audit:params: Unknown option '--bogus'/],
    ['dist/cli/scripts/param-audit.js', ['--seeds', 'x'], /^npm run audit:params: --seeds must be a positive whole number, got "x"/],
    ['dist/cli/scripts/history.js', ['--runs'], /^npm run history: Option '--runs <value>' argument missing/],
    ['dist/cli/scripts/calibrate.js', ['--nope'], /^npm run calibrate: Unknown option '--nope'/],
    ['dist/cli/scripts/docs.js', ['--check=1'], /^npm run docs: /],
    ['dist/bench/bench.js', ['--trials', '0'], /^npm run bench: --trials must be a positive whole number, got "0"/],
    ['dist/bench/bench.js', ['--scenario', 'nope', '--trials', '1'], /^npm run bench: --scenario nope: no such scenario file/],
    ['dist/bench/startup.js', ['--processes', 'many'], /^npm run bench:startup: --processes must be a positive whole number/],
    ['dist/bench/sweep-probe.js', [], /^usage: node dist\/bench\/sweep-probe.js <spec> <workers> <out> \[k\/N\]/],
    ['dist/bench/sweep-probe.js', ['pace-and-patience', '0', '/dev/null'], /^usage: node dist\/bench\/sweep-probe.js/],
    ['dist/bench/sweep-probe.js', ['nope', '1', '/dev/null'], /^sweep-probe.js: nope: no such sweep spec file/],
    ['dist/bench/sweep-probe.js', ['pace-and-patience', '1', '/dev/null', '9/3'], /^sweep-probe.js: shard "9\/3" is not k\/N/],
    ['dist/bench/sensitivity-probe.js', ['afghanistan-2020-all', 'sobol'], /^usage: node dist\/bench\/sensitivity-probe.js <spec> <morris\|sobol> <workers> <out>/],
    ['dist/bench/sensitivity-probe.js', ['afghanistan-2020-all', 'anova', '1', '/dev/null'], /^sensitivity-probe.js: method "anova" is not morris or sobol/],
  ])('%s %j', (file, args, message) => {
    const r = script(file, ...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
});

describe('scriptArgs and scriptCount', () => {
  it('return the values when the options are good', () => {
    expect(scriptArgs('s', {n: {type: 'string'}, json: {type: 'boolean', default: false}}, ['--n', '3'])).toEqual({n: '3', json: false});
    expect(scriptCount('s', 'n', '3', 7)).toBe(3);
    expect(scriptCount('s', 'n', undefined, 7)).toBe(7);
  });
});

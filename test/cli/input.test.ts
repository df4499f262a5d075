// Hostile or clumsy input through the built CLI: one clear message, exit 2, at once.
import {execFileSync} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {hasStackTrace, parley, removeTempDirs, tempDir, writeScenario} from '../helpers/cli.js';

afterAll(removeTempDirs);

const dir = tempDir();
const good = writeScenario(dir, 'good.yaml');

/** Exit 2, nothing on stdout, one line on stderr (or `lines`), no stack trace. */
async function refused(args: string[], lines = 1) {
  const started = Date.now();
  const r = await parley(args);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(hasStackTrace(r.stderr)).toBe(false);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(lines);
  return {...r, seconds: (Date.now() - started) / 1000};
}

describe('--set and sweep paths past the end of a list', () => {
  it('run: a million-index --set is one line, at once', async () => {
    const r = await refused(['run', good, '--set', 'events.1000000={type: ceasefire, day: 3}']);
    expect(r.stderr).toBe('parley: --set events.1000000={type: ceasefire, day: 3}: events has no items: use events.+ to append\n');
    expect(r.seconds).toBeLessThan(10);
  });

  it("sweep: the same in a spec's set: and vary:", async () => {
    const base = ['name: far', `scenario: ${good}`, 'seed: x'];
    const set = join(dir, 'set.yaml');
    writeFileSync(set, [...base, "set: ['events.+={type: holiday, day: 3}', 'events.1000000={type: ceasefire, day: 3}']", 'vary:', '  stall.rollouts: {values: [0]}', ''].join('\n'));
    const vary = join(dir, 'vary.yaml');
    writeFileSync(vary, [...base, 'vary:', '  events.1000000.day: {values: [1, 2]}', ''].join('\n'));
    for (const spec of [set, vary]) {
      const r = await refused(['sweep', spec, '--out', join(dir, 'out.csv')], 2);
      expect(r.stderr).toContain(spec);
      expect(r.stderr).toMatch(/--set events\.1000000.*: events has (1 item|no items): use events\.\+ to append\n$/);
      expect(r.seconds).toBeLessThan(10);
    }
  });
});

describe('event triggers', () => {
  it('an unknown state or a negative lag names the file and the field, exit 2', async () => {
    const file = join(dir, 'trigger.yaml');
    const text = readFileSync(good, 'utf8');
    writeFileSync(file, `${text.trimEnd()}\nevents:\n  - {type: ratification-assembly, day: 5, trigger: {when: sunrise, lag: -2}}\n`);
    const r = await refused(['validate', file], 3);
    expect(r.stderr).toContain(`parley: ${file}: invalid scenario`);
    expect(r.stderr).toMatch(/events\[0\]\.trigger\.when: .*"only-high-tier-left"\|"ratification-approved"/);
    expect(r.stderr).toMatch(/events\[0\]\.trigger\.lag: .*>=1/);
  });
});

describe('input files', () => {
  it('a YAML tag is refused with a plain message, no Node warning', async () => {
    const file = join(dir, 'tag.yaml');
    writeFileSync(file, 'name: !!js/function "function () {}"\n');
    const r = await refused(['validate', file]);
    expect(r.stderr).toBe(`parley: ${file}: not valid YAML: unknown tag !!js/function at line 1, column 7: parley reads plain YAML, without tags\n`);
  });

  it('a folder or a FIFO says what it is', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    expect((await refused(['run', folder])).stderr).toBe(`parley: ${folder}: is a directory, not a scenario file\n`);
    const fifo = join(dir, 'fifo.yaml');
    execFileSync('mkfifo', [fifo]);
    expect((await refused(['validate', fifo])).stderr).toContain('is a FIFO');
    expect((await refused(['sweep', folder])).stderr).toContain('is a directory, not a sweep spec file');
  });

  it('duplicate keys in JSON, like YAML', async () => {
    const file = join(dir, 'dup.json');
    writeFileSync(file, '{"name": "a", "name": "b"}');
    expect((await refused(['validate', file])).stderr).toContain('duplicate key "name" at line 1');
  });
});

describe('messages name what the user wrote', () => {
  it('--set days=1e7 is named as such, not as --days', async () => {
    const r = await refused(['run', good, '--set', 'days=1e7'], 2);
    expect(r.stderr).toContain('(from --set days=1e7)');
    expect(r.stderr).not.toContain('--days');
  });

  it('a mistyped --set field gets a suggestion', async () => {
    const r = await refused(['run', good, '--set', 'agents.government.params.batchSiz=3'], 2);
    expect(r.stderr).toContain('unknown field "batchSiz"; did you mean batchSize?');
  });
});

describe('the horizon and the calendar', () => {
  it('events after the last day are named on stderr; the run goes on', async () => {
    const r = await parley(['run', good, '--days', '20', '--set', 'events.+={type: ceasefire, day: 30}']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('note: events[0] (ceasefire on day 30) comes after the last day (20): it never happens\n');
  });

  it('a run that would end after 9999-12-31 is refused', async () => {
    const r = await refused(['run', good, '--set', 'start=9999-12-31'], 2);
    expect(r.stderr).toContain('days: 60 rounds of 1 day from start 9999-12-31 end in the year 10000');
  });
});

// Reading results files back: CSV (RFC 4180, via csv-parse) and NDJSON, typed values, and an
// error naming the file and the line for each way a file can be wrong.
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {stringify} from 'csv-stringify/sync';
import {afterAll, describe, expect, it} from 'vitest';
import {InputError} from '../../src/scenario/errors.js';
import {openResults, type Row} from '../../src/sweep/read-results.js';
import {removeTempDirs, tempDir} from '../helpers/cli.js';

afterAll(removeTempDirs);

const dir = tempDir();
let count = 0;
function file(text: string, ext = 'csv'): string {
  const path = join(dir, `r${count++}.${ext}`);
  writeFileSync(path, text);
  return path;
}

async function readAll(path: string): Promise<{columns: string[]; params: string[]; metrics: string[]; rows: Row[]}> {
  const r = await openResults(path);
  const rows: Row[] = [];
  for await (const row of r.rows) rows.push(row);
  return {columns: r.columns, params: r.params, metrics: r.metrics, rows};
}

/** The InputError message a read ends in (fails the test if there is none). */
async function problem(path: string): Promise<string> {
  try {
    await readAll(path);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error(`${path} was read without an error`);
}

const HEADER = ['run', 'point', 'replicate', 'seed', 'agents.taliban.policy', 'flag', 'status', 'completionDay', 'walkouts'];

describe('openResults: CSV', () => {
  it('round-trips quoted fields: commas, quotes and line breaks in a text parameter', async () => {
    const tricky = ['plain', 'comma, inside', 'a "quoted" word', 'two\nlines', 'crlf\r\nend', '', ' spaced '];
    const rows = tricky.map((policy, i) => [i, i, 0, `s-p${i}-r0`, policy, i % 2 === 0, 'complete', 10 + i, i]);
    const path = file(stringify([HEADER, ...rows], {cast: {boolean: (b: boolean) => String(b)}}));
    const read = await readAll(path);
    expect(read.rows.map((r) => r['agents.taliban.policy'])).toEqual(tricky.map((t) => (t === '' ? null : t)));
    expect(read.rows[1]).toEqual({run: 1, point: 1, replicate: 0, seed: 's-p1-r0', 'agents.taliban.policy': 'comma, inside', flag: false, status: 'complete', completionDay: 11, walkouts: 1});
  });

  it('types the values: numbers and true/false, empty as null, seed and status as text', async () => {
    const path = file('run,point,seed,x,status,completionDay,peakStallRisk\n0,0,007,-1.5e2,complete,17,0.25\n1,0,12,"",broken,,\n');
    const read = await readAll(path);
    expect(read.rows).toEqual([
      {run: 0, point: 0, seed: '007', x: -150, status: 'complete', completionDay: 17, peakStallRisk: 0.25},
      {run: 1, point: 0, seed: '12', x: null, status: 'broken', completionDay: null, peakStallRisk: null},
    ]);
    expect(read.params).toEqual(['x']);
    expect(read.metrics).toEqual(['status', 'completionDay', 'peakStallRisk']);
  });

  it('takes CRLF line ends, a byte-order mark, blank lines and a header without rows', async () => {
    expect((await readAll(file('\ufeffrun,point,walkouts\r\n0,0,1\r\n\r\n1,0,2\r\n'))).rows).toEqual([{run: 0, point: 0, walkouts: 1}, {run: 1, point: 0, walkouts: 2}]);
    expect(await readAll(file('run,point,status\n'))).toMatchObject({columns: ['run', 'point', 'status'], rows: []});
    // No newline at the end is fine when the last line is whole.
    expect((await readAll(file('run,point\n0,0'))).rows).toEqual([{run: 0, point: 0}]);
  });

  it('names the file and the line of each problem', async () => {
    const missing = join(dir, 'nope.csv');
    expect(await problem(missing)).toBe(`${missing}: no such file`);
    mkdirSync(join(dir, 'folder.csv'));
    expect(await problem(join(dir, 'folder.csv'))).toMatch(/folder\.csv: is a folder/);
    const empty = file('');
    expect(await problem(empty)).toBe(`${empty}: empty file; expected a header line (run,point,…)`);
    expect(await problem(file('\n\n'))).toMatch(/: empty file/);
    const noPoint = file('run,replicate\n0,0\n');
    expect(await problem(noPoint)).toBe(`${noPoint} line 1: no point column; the columns are run, replicate`);
    expect(await problem(file('run,point,run\n0,0,0\n'))).toMatch(/line 1: the column "run" appears twice/);
    expect(await problem(file('run,point,\n0,0,0\n'))).toMatch(/line 1: column 3 has no name/);
    expect(await problem(file('run,point,walkouts\n0,0,1\n1,0,many\n'))).toMatch(/ line 3: walkouts must be a whole number ≥ 0, got "many"$/);
    expect(await problem(file('run,point,status\n0,0,done\n'))).toMatch(/ line 2: status must be complete, broken or ongoing, got "done"$/);
    expect(await problem(file('run,point\n0,1.5\n'))).toMatch(/ line 2: point must be a whole number ≥ 0, got 1\.5$/);
    expect(await problem(file('run,point,walkouts\n0,0,1\n1,0\n2,0,3\n'))).toMatch(/ line 3: 2 fields where the header has 3$/);
  });

  it('reports a torn last line as such', async () => {
    const torn = file('run,point,status,walkouts\n0,0,complete,1\n1,0,bro');
    expect(await problem(torn)).toBe(
      `${torn} line 3: torn last line (3 of 4 fields): the file ends without a newline, as if cut off while being written; remove that line to read the rest`,
    );
    expect(await problem(file('run,point,seed\n0,0,"abc'))).toMatch(/ line 2: a quoted field is never closed; torn last line/);
    expect(await problem(file('run,point,seed\n0,0,"abc\n1,0,x\n'))).toMatch(/ line 2: a quoted field is never closed$/);
  });
});

describe('openResults: NDJSON', () => {
  it('reads one object a line, keeps nulls, fills missing keys with null', async () => {
    const text = '{"run":0,"point":0,"x":true,"status":"complete","completionDay":12}\n\n{"run":1,"point":0,"x":false,"status":"ongoing","completionDay":null}\n{"run":2,"point":1,"status":"broken"}\n';
    const read = await readAll(file(text, 'ndjson'));
    expect(read.columns).toEqual(['run', 'point', 'x', 'status', 'completionDay']);
    expect(read.rows).toEqual([
      {run: 0, point: 0, x: true, status: 'complete', completionDay: 12},
      {run: 1, point: 0, x: false, status: 'ongoing', completionDay: null},
      {run: 2, point: 1, x: null, status: 'broken', completionDay: null},
    ]);
  });

  it('knows NDJSON by its first character whatever the extension', async () => {
    expect((await readAll(file('{"run":0,"point":0}\n', 'txt'))).rows).toEqual([{run: 0, point: 0}]);
  });

  it('names the line of each problem, and a torn last line as such', async () => {
    const torn = file('{"run":0,"point":0}\n{"run":1,"po', 'ndjson');
    expect(await problem(torn)).toBe(`${torn} line 2: torn last line: the file ends without a newline, as if cut off while being written; remove that line to read the rest`);
    expect(await problem(file('{"run":0,"point":0}\n{"run":1,\n{"run":2,"point":0}\n', 'ndjson'))).toMatch(/ line 2: not valid JSON/);
    expect(await problem(file('{"run":0,"point":0}\n{"run":1,\n', 'ndjson'))).toMatch(/ line 2: not valid JSON/);
    expect(await problem(file('{"run":0,"point":0}\n[1,2]\n', 'ndjson'))).toMatch(/ line 2: expected a JSON object/);
    expect(await problem(file('{"run":0,"point":0,"x":{"a":1}}\n', 'ndjson'))).toMatch(/ line 1: x is an object/);
    expect(await problem(file('{"run":0,"point":"0"}\n', 'ndjson'))).toMatch(/ line 1: point must be a whole number ≥ 0, got "0"/);
    expect(await problem(file('\n\n', 'ndjson'))).toMatch(/: empty file; expected one JSON object a line$/);
  });
});

describe('openResults: streaming', () => {
  it('reads a large file row by row without holding it', async () => {
    const n = 50_000;
    const lines = ['run,point,replicate,seed,x,status,walkouts'];
    for (let i = 0; i < n; i++) lines.push(`${i},${Math.floor(i / 10)},${i % 10},s${i},${i % 7},complete,${i % 3}`);
    const r = await openResults(file(`${lines.join('\n')}\n`));
    let rows = 0;
    let walkouts = 0;
    for await (const row of r.rows) {
      rows++;
      walkouts += row.walkouts as number;
    }
    expect(rows).toBe(n);
    expect(walkouts).toBe(49_999);
  });
});

// `parley summarize` end to end, on a small hand-written results file: the table, the heatmap,
// --out and --json, and exit 2 with a useful message for a bad column or a bad file.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {parse} from 'csv-parse/sync';
import {afterAll, describe, expect, it} from 'vitest';
import {summaryColumns} from '../../src/sweep/summary.js';
import {hasEscapes, hasStackTrace, longLines, parley, removeTempDirs, tempDir} from '../helpers/cli.js';

afterAll(removeTempDirs);

const PARAMS = ['agents.government.params.batchSize', 'agents.taliban.policy'];
const METRICS = ['status', 'completionDay', 'walkouts', 'stallEpisodes', 'stalledDays'];
const RESULTS = `run,point,replicate,seed,${PARAMS.join(',')},${METRICS.join(',')}
0,0,0,t-p0-r0,100,"ratio, ""the"" releaser",complete,90,0,0,0
1,0,1,t-p0-r1,100,"ratio, ""the"" releaser",complete,110,1,1,5
2,1,0,t-p1-r0,200,"ratio, ""the"" releaser",broken,,2,1,30
3,1,1,t-p1-r1,200,"ratio, ""the"" releaser",ongoing,,1,0,0
4,2,0,t-p2-r0,100,obstinate-list,complete,150,3,2,12
5,2,1,t-p2-r1,100,obstinate-list,broken,,4,3,40
6,3,0,t-p3-r0,200,obstinate-list,complete,120,0,0,0
7,3,1,t-p3-r1,200,obstinate-list,complete,130,0,0,0
`;

const dir = tempDir();
const results = join(dir, 'results.csv');
writeFileSync(results, RESULTS);

describe('parley summarize', () => {
  it('prints one line a point with its parameters and key columns', async () => {
    const r = await parley(['summarize', results]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('4 points, 8 runs');
    expect(lines[1]).toMatch(/^point\s+batchSize\s+policy\s+runs\s+done\s+day\s+stalled\s+walkouts/);
    // 80 columns: the text value is shortened rather than a key column dropped.
    expect(lines[2]).toMatch(/^\s+0\s+100\s+ratio, "the" re…\s+2\s+100%\s+100\.0 ± 127\.1\s+2\.5\s+0\.50/);
    expect(lines[3]).toMatch(/^\s+1\s+200\s+ratio, "the" re…\s+2\s+0%\s+–\s+15\.0\s+1\.50/);
    expect(longLines(r.stdout)).toEqual([]);
    expect(hasEscapes(r.stdout)).toBe(false);
  });

  it('reads the same results as NDJSON', async () => {
    const rows = parse(RESULTS, {columns: true, cast: (v, c) => (c.header || c.column === 'seed' || c.column === 'status' ? v : v === '' ? null : /^\d/.test(v) ? Number(v) : v)}) as object[];
    const ndjson = join(dir, 'results.ndjson');
    writeFileSync(ndjson, rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
    const [fromCsv, fromNdjson] = await Promise.all([parley(['summarize', results]), parley(['summarize', ndjson])]);
    expect(fromNdjson.code).toBe(0);
    expect(fromNdjson.stdout).toBe(fromCsv.stdout);
  });

  it('draws a heatmap of a metric over two parameters, named in full or by their ends', async () => {
    const r = await parley(['summarize', results, '--heatmap', 'batchSize,agents.taliban.policy,shareComplete']);
    expect(r.code).toBe(0);
    const heat = r.stdout.slice(r.stdout.indexOf('shareComplete: share of runs complete, 8 runs'));
    expect(heat).toContain('across: agents.government.params.batchSize\ndown:   agents.taliban.policy\n');
    expect(heat).toMatch(/\npolicy ↓\s+100\s+200\n/);
    expect(heat).toMatch(/\nratio, "the" re…\s+█+ 100%\s+0%\n/);
    expect(heat).toMatch(/\nobstinate-list\s+▒+ {2}50%\s+█+ 100%\n/);
    expect(heat).toContain('[ ] 0% (min)');
    expect(longLines(r.stdout)).toEqual([]);
  });

  it('refuses an unknown column in --heatmap with exit 2, listing what there is', async () => {
    const param = await parley(['summarize', results, '--heatmap', 'size,policy,walkouts']);
    expect(param.code).toBe(2);
    expect(param.stderr).toBe(`parley: --heatmap: "size" is not a parameter of ${results}; the parameters are ${PARAMS.join(', ')}; see parley --help\n`);
    const metric = await parley(['summarize', results, '--heatmap', 'batchSize,policy,peakViolence']);
    expect(metric.code).toBe(2);
    expect(metric.stderr).toContain('"peakViolence" is not a metric of');
    expect(metric.stderr).toContain('the metrics are shareComplete, shareBroken, shareUnfinished, shareStalled, completionDay, walkouts, stallEpisodes, stalledDays;');
    expect(metric.stdout).toBe('');
  });

  it('writes the full summary with --out (CSV or NDJSON by extension) and prints JSON with --json', async () => {
    const csv = join(dir, 'summary.csv');
    const ndjson = join(dir, 'summary.ndjson');
    const [a, b, json] = await Promise.all([parley(['summarize', results, '--out', csv]), parley(['summarize', results, '--out', ndjson]), parley(['summarize', results, '--json'])]);
    expect([a.code, b.code, json.code]).toEqual([0, 0, 0]);
    expect(a.stderr).toBe(`parley: wrote the summary of 4 points to ${csv}\n`);
    const table = parse(readFileSync(csv, 'utf8')) as string[][];
    expect(table[0]).toEqual(summaryColumns(PARAMS, METRICS));
    expect(table[1]!.slice(0, 8)).toEqual(['0', '100', 'ratio, "the" releaser', '2', '1', '0', '0', '0.5']);
    const lines = readFileSync(ndjson, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(Object.keys(lines[0]!)).toEqual(summaryColumns(PARAMS, METRICS));
    expect(lines[2]).toMatchObject({point: 2, completionDay_mean: 150, completionDay_sd: null, walkouts_mean: 3.5, shareBroken: 0.5});
    const summaries = JSON.parse(json.stdout) as {point: number; runs: number; metrics: Record<string, {mean: number}>}[];
    expect(summaries.map((s) => [s.point, s.runs, s.metrics.completionDay!.mean])).toEqual([[0, 2, 100], [1, 2, null], [2, 2, 150], [3, 2, 125]]);
  });

  it('exits 2 with the file and the line for a file it cannot read', async () => {
    const torn = join(dir, 'torn.csv');
    writeFileSync(torn, RESULTS.slice(0, RESULTS.lastIndexOf(',complete')));
    const [t, missing, usage] = await Promise.all([parley(['summarize', torn]), parley(['summarize', join(dir, 'none.csv')]), parley(['summarize'])]);
    expect(t.code).toBe(2);
    expect(t.stderr).toMatch(new RegExp(`^parley: ${torn} line 9: torn last line \\(6 of 11 fields\\)`));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`parley: ${join(dir, 'none.csv')}: no such file\n`);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('summarize needs a results file');
    for (const r of [t, missing, usage]) expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('refuses a duplicated or a missing row with exit 2, naming the line, as --resume and merge do', async () => {
    const lines = RESULTS.split('\n');
    const duplicated = join(dir, 'duplicated.csv');
    writeFileSync(duplicated, [...lines.slice(0, 4), lines[3], ...lines.slice(4)].join('\n'));
    const missing = join(dir, 'missing.csv');
    writeFileSync(missing, [...lines.slice(0, 4), ...lines.slice(5)].join('\n'));
    const [d, m] = await Promise.all([parley(['summarize', duplicated]), parley(['summarize', missing])]);
    expect(d.code).toBe(2);
    expect(d.stderr).toBe(`parley: ${duplicated} line 5: holds run 2 where run 3 was expected: run 2 is there already, or out of order (a duplicated row?); a results file holds every run once, in order\n`);
    expect(m.code).toBe(2);
    expect(m.stderr).toBe(`parley: ${missing} line 5: holds run 4 where run 3 was expected: run 3 is missing (or out of order); a results file holds every run once, in order\n`);
    expect(d.stdout + m.stdout).toBe('');
  });

  it('refuses a value no run can produce with exit 2, naming the line and the column', async () => {
    const negative = join(dir, 'negative.csv');
    writeFileSync(negative, RESULTS.replace('4,2,0,t-p2-r0,100,obstinate-list,complete,150,3,2,12', '4,2,0,t-p2-r0,100,obstinate-list,complete,150,-5,2,12'));
    const r = await parley(['summarize', negative]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`parley: ${negative} line 6: walkouts must be a whole number ≥ 0, got -5\n`);
  });
});

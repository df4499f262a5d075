// Row formats: RFC 4180 CSV that csv-parse reads back exactly, NDJSON in column order.
import {parse} from 'csv-parse/sync';
import {stringify} from 'csv-stringify/sync';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {formatOfPath, formatRows, headerText, rowObject, rowValues, summaryPath, type Value} from '../../src/sweep/output.js';

const columns = ['run', 'name', 'flag', 'x', 'missing'];
const rows: Value[][] = [
  [0, 'plain', true, 1.5, null],
  [1, 'comma, "quotes"\nand a newline', false, -0, null],
  [2, '', true, 1e21, 7],
];

describe('CSV', () => {
  it('writes a header and one line a row, quoted only where RFC 4180 needs it', () => {
    expect(headerText(columns, 'csv')).toBe('run,name,flag,x,missing\n');
    expect(formatRows(rows, columns, 'csv')).toBe('0,plain,true,1.5,\n1,"comma, ""quotes""\nand a newline",false,0,\n2,,true,1e+21,7\n');
    expect(formatRows([], columns, 'csv')).toBe('');
  });

  it('prints any rows exactly as csv-stringify does (plain rows skip it, the rest go through it)', () => {
    // Strings from an alphabet heavy in what CSV quotes, so rows of both kinds come up often.
    const text = fc.string({unit: fc.constantFrom('a', 'Z', '0', ' ', ',', '"', '\n', '\r', '-', 'é', '=')});
    const cell = fc.oneof(text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null));
    const options = {cast: {boolean: (v: boolean) => (v ? 'true' : 'false'), number: (v: number) => String(v)}, record_delimiter: 'unix', eof: true} as const;
    fc.assert(
      fc.property(fc.array(fc.array(cell, {minLength: 1, maxLength: 6}), {maxLength: 5}), (rs) => {
        expect(formatRows(rs, [], 'csv')).toBe(rs.length === 0 ? '' : stringify(rs, options));
      }),
      {numRuns: 500},
    );
  });

  it('reads back with a strict RFC 4180 parser into the same fields', () => {
    const text = headerText(columns, 'csv') + formatRows(rows, columns, 'csv');
    const records = parse(text, {columns: true}) as Record<string, string>[];
    expect(records).toHaveLength(3);
    expect(records[1]).toEqual({run: '1', name: 'comma, "quotes"\nand a newline', flag: 'false', x: '0', missing: ''});
    expect(records.map((r) => r.x)).toEqual(['1.5', '0', '1e+21']);
  });
});

describe('NDJSON', () => {
  it('keeps the column order, even for keys that look like integers, and keeps null', () => {
    const text = formatRows([[1, 'a', null]], ['z', '2', 'm'], 'ndjson');
    expect(text).toBe('{"z":1,"2":"a","m":null}\n');
    expect(JSON.parse(text)).toEqual({z: 1, 2: 'a', m: null});
    expect(headerText(columns, 'ndjson')).toBe('');
  });

  it('prints every row as one line', () => {
    const text = formatRows(rows, columns, 'ndjson');
    expect(text.split('\n')).toHaveLength(4);
    // -0 prints as 0, as JSON.stringify prints it.
    const printed = rows.map((r) => rowObject(r.map((v) => (Object.is(v, -0) ? 0 : v)), columns));
    expect(text.split('\n').slice(0, 3).map((l) => JSON.parse(l) as unknown)).toEqual(printed);
  });
});

describe('helpers', () => {
  it('picks the format from the extension', () => {
    expect(['a.csv', 'a.CSV', 'a.ndjson', 'b/a.jsonl', 'a.txt', 'a'].map(formatOfPath)).toEqual(['csv', 'csv', 'ndjson', 'ndjson', null, null]);
  });

  it('names the summary beside the results', () => {
    expect(summaryPath('out/results.csv')).toBe('out/results.summary.csv');
    expect(summaryPath('r.jsonl')).toBe('r.summary.jsonl');
    expect(summaryPath('results')).toBe('results.summary');
  });

  it('rowValues and rowObject are inverse in column order', () => {
    const row = rowObject(rows[0]!, columns);
    expect(Object.keys(row)).toEqual(columns);
    expect(rowValues(row, columns)).toEqual(rows[0]);
  });
});

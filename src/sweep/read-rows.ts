// Reading a sweep's output back, record by record and streaming (a 100,000-run file never sits
// whole in memory), for --resume and for merge. Only complete lines are read: a run killed
// mid-write can leave a torn last line, which the callers drop or refuse.
// Not read-results.ts: resume and merge compare each record's exact text with the row parley
// would write (verify.ts), so they need the raw bytes and no typing; summarize reads any
// results file, typed, and explains what is wrong with it line by line.
import {closeSync, createReadStream, fstatSync, openSync, readSync} from 'node:fs';
import {createInterface} from 'node:readline';
import {parse} from 'csv-parse';
import {InputError} from '../scenario/errors.js';
import type {Format} from './output.js';

export interface FileHead {
  columns: string[];
  /** The header line as written (CSV); '' for NDJSON, which has none. */
  raw: string;
}

export interface FileRecord {
  /** 1-based line on which the record starts. */
  line: number;
  /** The record's exact text, with its "\n". */
  raw: string;
  /** A field by column name: a string from CSV, whatever JSON holds from NDJSON (undefined if absent). */
  get(column: string): unknown;
}

/** The file's size and the bytes up to and including its last "\n" (after it: a torn line). */
export function completeBytes(file: string): {size: number; complete: number} {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const block = Buffer.alloc(64 * 1024);
    for (let end = size; end > 0; ) {
      const start = Math.max(0, end - block.length);
      const n = readSync(fd, block, 0, end - start, start);
      const nl = block.subarray(0, n).lastIndexOf(0x0a);
      if (nl >= 0) return {size, complete: start + nl + 1};
      end = start;
    }
    return {size, complete: 0};
  } finally {
    closeSync(fd);
  }
}

/**
 * Streams the first `bytes` bytes of a sweep file (whole lines) to `onRecord`, after its header;
 * returns the header, or null when there is nothing (an empty file, or NDJSON without rows).
 * A callback that throws stops the reading.
 */
export async function readRecords(file: string, format: Format, bytes: number, onRecord: (r: FileRecord, head: FileHead) => void): Promise<FileHead | null> {
  if (bytes === 0) return null;
  const stream = createReadStream(file, {start: 0, end: bytes - 1});
  try {
    return format === 'csv' ? await readCsv(file, stream, onRecord) : await readNdjson(file, stream, onRecord);
  } finally {
    stream.destroy();
  }
}

async function readCsv(file: string, stream: NodeJS.ReadableStream, onRecord: (r: FileRecord, head: FileHead) => void): Promise<FileHead | null> {
  // Strict RFC 4180 as csv-stringify writes it: every record as long as the header, quotes closed.
  const parser = stream.pipe(parse({raw: true}));
  let head: FileHead | null = null;
  let index = new Map<string, number>();
  let next = 1; // the line the next record starts on (a quoted field may hold newlines)
  try {
    for await (const item of parser as AsyncIterable<{record: string[]; raw: string}>) {
      const line = next;
      next += item.raw.split('\n').length - 1;
      if (!head) {
        head = {columns: item.record, raw: item.raw};
        index = new Map(item.record.map((c, i) => [c, i]));
        continue;
      }
      const record = item.record;
      onRecord({line, raw: item.raw, get: (c) => (index.has(c) ? record[index.get(c)!] : undefined)}, head);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: not a CSV file as parley writes it: ${(e as Error).message}`, file);
  }
  return head;
}

async function readNdjson(file: string, stream: NodeJS.ReadableStream, onRecord: (r: FileRecord, head: FileHead) => void): Promise<FileHead | null> {
  let head: FileHead | null = null;
  let line = 0;
  for await (const text of createInterface({input: stream, crlfDelay: Infinity})) {
    line++;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(`${file}: line ${line} is not a JSON object (is this NDJSON from parley sweep?)`, file);
    const obj = value as Record<string, unknown>;
    head ??= {columns: Object.keys(obj), raw: ''};
    onRecord({line, raw: `${text}\n`, get: (c) => (Object.hasOwn(obj, c) ? obj[c] : undefined)}, head);
  }
  return head;
}

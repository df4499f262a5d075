// The process belongs to its entry point. Only src/cli/bin.ts ends the process or writes to its
// streams; everything else writes through an Io (src/cli/io.ts, which also says whether a stream
// is a terminal and how wide), and the sweep's command and summary do not read process streams
// at all. Whether to be interactive is decided once, in src/cli/main.ts, and passed down.
import {describe, expect, it} from 'vitest';
import {readSources} from '../helpers/sources.js';

const FILES = readSources('src');

/** `file:line: text` of each line of the files (but `except`) that matches `pattern`. */
function uses(files: ReadonlyMap<string, string>, pattern: RegExp, except: readonly string[] = []): string[] {
  const found: string[] = [];
  for (const [file, text] of files) {
    if (except.includes(file)) continue;
    text.split('\n').forEach((line, i) => {
      if (pattern.test(line.replace(/\/\/.*$/, ''))) found.push(`src/${file}:${i + 1}: ${line.trim()}`);
    });
  }
  return found;
}

const EXIT = /\bprocess\s*\.\s*(exit|reallyExit|abort)\s*\(/;
const WRITE = /\bprocess\s*\.\s*(stdout|stderr)\s*\.\s*write\b|\bconsole\s*\.\s*(log|error|warn|info)\b/;
const STREAMS = /\bprocess\s*\.\s*(stdout|stderr)\b/;
const DECIDES = /\b(canUseDashboard|decideMode|inCi)\s*\(/;

describe('the process', () => {
  it('is ended by src/cli/bin.ts alone', () => {
    expect(uses(FILES, EXIT, ['cli/bin.ts'])).toEqual([]);
  });

  it('has its streams written by src/cli/bin.ts alone: the rest writes through an Io', () => {
    expect(uses(FILES, WRITE, ['cli/bin.ts'])).toEqual([]);
  });

  it("has its streams untouched by the sweep's command and summary (the Io says what a stream is)", () => {
    const sweep = new Map([...FILES].filter(([f]) => ['cli/sweep.ts', 'cli/summary-report.ts', 'cli/summarize.ts'].includes(f)));
    expect(sweep.size).toBe(3);
    expect(uses(sweep, STREAMS)).toEqual([]);
  });

  it('is judged interactive or plain once, in src/cli/main.ts', () => {
    expect(uses(FILES, DECIDES, ['cli/mode.ts', 'cli/main.ts'])).toEqual([]);
    expect(uses(new Map([['cli/main.ts', FILES.get('cli/main.ts')!]]), DECIDES)).toHaveLength(1);
  });

  it('would be caught reaching for it', () => {
    const bad = new Map([
      ['cli/zz.ts', 'if (x) process.exit(2);\nprocess.stderr.write("no")\nconst w = process.stdout.columns;\n// process.exit(1) in a comment is fine'],
    ]);
    expect(uses(bad, EXIT)).toEqual(['src/cli/zz.ts:1: if (x) process.exit(2);']);
    expect(uses(bad, WRITE)).toEqual(['src/cli/zz.ts:2: process.stderr.write("no")']);
    expect(uses(bad, STREAMS)).toHaveLength(2);
  });
});

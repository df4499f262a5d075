// The contract between a policy and the engine, held by the type checker: a policy reads the
// world but cannot write it, and sees its own parameters and its own memory with their types.
// These compile small policy files against src/ and expect the compiler's refusals.
import {dirname, join} from 'node:path';
import ts from 'typescript';
import {describe, expect, it} from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const PROBE = join(ROOT, 'src/agents/government/probe.ts');

const options = (() => {
  const file = ts.readConfigFile(join(ROOT, 'tsconfig.json'), (f) => ts.sys.readFile(f));
  return ts.parseJsonConfigFileContent(file.config, ts.sys, ROOT).options;
})();

let last: ts.Program | undefined;

/** The compiler's errors in `source`, compiled as a policy file beside the government's: line and code each. */
function errorsOf(source: string): string[] {
  const host = ts.createCompilerHost({...options, noEmit: true});
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  host.readFile = (f) => (f === PROBE ? source : read(f));
  host.fileExists = (f) => f === PROBE || exists(f);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, v, ...rest) => (f === PROBE ? ts.createSourceFile(f, source, v) : getSourceFile(f, v, ...rest));
  // Each probe reuses the previous program's files: only the probe is checked anew.
  const program = ts.createProgram([PROBE], {...options, noEmit: true}, host, last);
  last = program;
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === PROBE)
    .map((d) => `${d.file!.getLineAndCharacterOfPosition(d.start!).line + 1}: TS${d.code}`);
}

const policy = (memory: string, body: string): string => `
import {z} from 'zod';
import {definePolicy, int} from '../define.js';
export const probe = definePolicy({
  name: 'probe',
  agent: 'government',
  summary: 'a policy the tests compile',
  theory: 'none',
  params: z.object({batch: int(10, 1, 100, 'batch size')}),
  memory: ${memory},
  decide(ctx) {
    const {state: s, params: p, memory: m, act} = ctx;
    void s; void p; void m; void act;
${body}
  },
});
`;
/** Line numbers of the body's lines in policy(). */
const line = (i: number): number => 13 + i;

describe('a policy', () => {
  it('compiles when it reads the world, writes its memory and adds actions', () => {
    const ok = policy('{lastBatchDay: 0, offered: false}', `
    if (s.day - m.lastBatchDay < p.batch) return void act.add('hold', 'waiting');
    m.lastBatchDay = s.day;
    m.offered = true;
    act.add('release', 'frees {0}', p.batch).count = p.batch;`);
    expect(errorsOf(ok)).toEqual([]);
  });

  it('cannot write the state it sees, at any depth', () => {
    const writes = policy('{}', [
      's.gov.offerCount = 0;',
      's.day = 3;',
      's.counters.govReleased++;',
      's.trust[0] = 1;',
      's.tal.priorityDemand = 0;',
      'ctx.config.world.ratio = 2;',
    ].map((w) => `    ${w}`).join('\n'));
    const errors = errorsOf(writes);
    // One refusal a line: read-only property (2540) or read-only index signature (2542).
    expect(errors).toEqual([1, 2, 3, 4, 5, 6].map((i) => expect.stringMatching(new RegExp(`^${line(i)}: TS254[02]$`))));
  });

  it('sees its parameters and its memory with their own types', () => {
    const wrong = policy('{lastBatchDay: 0, offered: false}', [
      "m.lastBatchDay = 'yesterday';",
      'm.forgotten = 1;',
      "const n: string = p.batch;",
      'void p.noSuchParam;',
    ].map((w) => `    ${w}`).join('\n'));
    const errors = errorsOf(wrong);
    expect(errors.map((e) => Number(e.split(':')[0]))).toEqual([line(1), line(2), line(3), line(4)]);
  });

  it('may remember only numbers, flags and words (the engine copies them with the state)', () => {
    // Refused where the memory is declared: a list is not assignable to a memory's values.
    expect(errorsOf(policy('{seen: [0]}', ''))).toEqual(['10: TS2322']);
  });
});

/** The type assertions in a file (`as const` fixes a literal's type: it asserts nothing). */
function castsIn(path: string): string[] {
  const source = ts.createSourceFile(path, ts.sys.readFile(path)!, ts.ScriptTarget.ES2022, true);
  const casts: string[] = [];
  const visit = (node: ts.Node): void => {
    const cast = ts.isTypeAssertionExpression(node) || (ts.isAsExpression(node) && !ts.isConstTypeReference(node.type));
    if (cast) casts.push(`${path.slice(ROOT.length + 1)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText()}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return casts;
}

describe('the files that join scenarios to the engine', () => {
  // Types derived from the schemas leave nothing to assert: a cast here would hide a mismatch
  // between the scenario format and what the engine reads.
  const FILES = ['src/scenario/resolve.ts', 'src/scenario/scheduled.ts', 'src/scenario/schema.ts', 'src/agents/registry.ts', 'src/sim/config.ts', 'src/sim/config-schema.ts'];

  it.each(FILES)('%s asserts no type', (file) => {
    expect(castsIn(join(ROOT, file))).toEqual([]);
  });

  it('nor does any policy file', () => {
    const dir = join(ROOT, 'src/agents');
    const files = ts.sys.readDirectory(dir, ['.ts']).filter((f) => dirname(f) !== dir);
    expect(files.length).toBeGreaterThanOrEqual(12);
    expect(files.flatMap(castsIn)).toEqual([]);
  });
});

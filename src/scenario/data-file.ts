// Reading a data file (a scenario, a sweep spec, a history) into plain data, with one behaviour
// for YAML and JSON: UTF-8 only (a byte-order mark is skipped), no duplicate keys, no tags.
import {readFileSync} from 'node:fs';
import {extname} from 'node:path';
import {isScalar, parseDocument, visit, type Document, type YAMLError} from 'yaml';
import {InputError} from './errors.js';

/**
 * `logLevel: 'error'`: the parser keeps its warnings on the document (refused below) instead of
 * printing them with process.emitWarning; errors, a second document among them, are still found.
 */
const YAML_OPTIONS = {prettyErrors: true, uniqueKeys: true, logLevel: 'error'} as const;

/** Reads a YAML or JSON file into plain data, with the file named in any error. */
export function readDataFile(path: string): unknown {
  const text = decodeUtf8(readBytes(path), path);
  if (extname(path) === '.json') return parseJson(text, path);
  const doc = parseDocument(text, YAML_OPTIONS);
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) throw new InputError(`${path}: not valid YAML: ${describe(problem, doc, text)}`, path);
  return doc.toJS() as unknown;
}

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: cannot read file${code ? ` (${code})` : ''}`, path);
  }
}

/** The text of UTF-8 bytes; anything else is refused at the first bad byte, never replaced. */
function decodeUtf8(bytes: Uint8Array, path: string): string {
  try {
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes);
  } catch {
    const at = invalidUtf8Offset(bytes);
    const line = 1 + bytes.subarray(0, at).filter((b) => b === 0x0a).length;
    const hex = bytes[at]!.toString(16).padStart(2, '0');
    throw new InputError(`${path}: not UTF-8: byte 0x${hex} at byte offset ${at} (line ${line}) is not part of a UTF-8 character; save the file as UTF-8`, path);
  }
}

/**
 * Where the first invalid sequence starts. The lenient decoder puts U+FFFD in its place; the text
 * before it is valid, so it re-encodes to the same bytes and its length is the offset. A U+FFFD
 * the file itself holds (bytes EF BF BD) is skipped.
 */
function invalidUtf8Offset(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes);
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) {
    const at = Buffer.byteLength(text.slice(0, i), 'utf8');
    if (bytes[at] !== 0xef || bytes[at + 1] !== 0xbf || bytes[at + 2] !== 0xbd) return at;
  }
  return Math.max(0, bytes.length - 1);
}

/**
 * JSON.parse reads the values (and words its errors as every JSON tool does), but keeps the last
 * of two equal keys; YAML's parser, which reads JSON too (JSON is YAML 1.2), finds them.
 */
function parseJson(text: string, path: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${path}: not valid JSON: ${(e as Error).message}`, path);
  }
  const doc = parseDocument(text, YAML_OPTIONS);
  const duplicate = doc.errors.find((e) => e.code === 'DUPLICATE_KEY');
  if (duplicate) throw new InputError(`${path}: not valid JSON: ${describe(duplicate, doc, text)}`, path);
  return data;
}

/** One line for a parser's error or warning: what, and where. */
function describe(problem: YAMLError, doc: Document, text: string): string {
  const where = problem.linePos ? `line ${problem.linePos[0].line}, column ${problem.linePos[0].col}` : `offset ${problem.pos[0]}`;
  if (problem.code === 'DUPLICATE_KEY') return `duplicate key "${keyAt(doc, problem.pos[0])}" at ${where}`;
  if (problem.code === 'MULTIPLE_DOCS') return `a second document (after a --- line) at ${where}: a file holds one`;
  if (problem.code === 'TAG_RESOLVE_FAILED') {
    const tag = /^!\S*/.exec(text.slice(problem.pos[0]))?.[0];
    return `unknown tag${tag ? ` ${tag}` : ''} at ${where}: parley reads plain YAML, without tags`;
  }
  // The parser's first line names the problem and its line and column; drop the excerpt.
  return problem.message.split('\n')[0]!.replace(/:\s*$/, '');
}

/** The key of the map entry that starts at `offset`. */
function keyAt(doc: Document, offset: number): string {
  let key = '?';
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) {
        key = String(pair.key.value);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return key;
}

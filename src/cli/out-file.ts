// What every command checks about --out before it reads or writes anything: that it is none of
// the command's own inputs, and, for the report commands (run, replay), the format it names.
import {statSync} from 'node:fs';
import {extname} from 'node:path';
import {UsageError} from './errors.js';

export type ReportFormat = 'text' | 'json' | 'ndjson';

/** An input file of a command, and what it is to the user ("the scenario"). */
export interface Input {
  file: string;
  what: string;
}

const NAMES: Record<ReportFormat, string> = {text: 'text', json: 'JSON', ndjson: 'NDJSON'};
const BY_EXTENSION: Record<string, ReportFormat> = {'.json': 'json', '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.txt': 'text'};

/**
 * The format of a report: what --out's extension names (.json, .ndjson or .jsonl, .txt), else
 * the flag (--json, --ndjson), else text. A flag that contradicts the extension, or an extension
 * naming a format the command does not write, is refused.
 */
export function reportFormat(out: string | undefined, flag: ReportFormat | undefined, formats: readonly ReportFormat[]): ReportFormat {
  const ext = out === undefined ? '' : extname(out).toLowerCase();
  const named = Object.hasOwn(BY_EXTENSION, ext) ? BY_EXTENSION[ext] : undefined;
  if (named !== undefined && !formats.includes(named)) throw new UsageError(`--out ${out}: ${ext} is ${NAMES[named]}, which this command does not write (${formats.map((f) => NAMES[f]).join(' or ')})`);
  if (named !== undefined && flag !== undefined && flag !== named) throw new UsageError(`--${flag} contradicts --out ${out}: ${ext} is ${NAMES[named]}`);
  return named ?? flag ?? 'text';
}

/**
 * Refuses an --out that is one of the inputs. The same file however it is named (./b.yaml,
 * b.yaml, a symbolic or hard link to it): compared by device and inode.
 */
export function refuseOutOverInput(out: string | undefined, inputs: readonly Input[]): void {
  if (out === undefined) return;
  const input = inputs.find((i) => sameFile(out, i.file));
  if (input) throw new UsageError(`--out ${out} is ${input.what}${input.file === out ? '' : ` (${input.file})`}: write the output to another file`);
}

function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false; // one does not exist (yet): they are not the same file
  }
}

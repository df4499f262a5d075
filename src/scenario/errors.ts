// Input errors: bad files, fields, values. The CLI prints these plainly and exits 2.
import type {z} from 'zod';
import {fieldsAt, valueAt} from './fields.js';
import {closest, didYouMean} from './suggest.js';

export class InputError extends Error {
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** `agents.government.params.batchSize`, `events[3].date`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out === '' ? '(top level)' : out;
}

/** What was validated, so that a near miss of a field or a kind gets a suggestion. */
export interface Validated {
  schema: z.ZodType;
  data: unknown;
}

/** One line per problem: the field path and what was expected. */
export function zodProblems(error: z.ZodError, validated?: Validated): string[] {
  return error.issues.map((issue) => {
    let msg = issue.message;
    if (issue.code === 'unrecognized_keys') msg = unknownFields(issue.keys, validated ? fieldsAt(validated.schema, validated.data, issue.path) : []);
    if (issue.code === 'invalid_union' && 'note' in issue && issue.note === 'No matching discriminator') {
      const options = ('options' in issue ? (issue.options as unknown[]) : []).map(String);
      const value = validated ? valueAt(validated.data, issue.path) : undefined;
      msg = value === undefined ? 'unknown value for the discriminator' : `unknown value ${JSON.stringify(value)}`;
      if (options.length) msg += typeof value === 'string' && closest(value, options) ? didYouMean(value, options) : `; expected one of ${options.join(', ')}`;
    }
    return `${formatPath(issue.path)}: ${msg}`;
  });
}

/** `unknown field "batchSiz"; did you mean batchSize?`, or several: `unknown fields "a", "bogus"`. */
function unknownFields(keys: readonly string[], known: readonly string[]): string {
  if (keys.length === 1) return `unknown field "${keys[0]}"${didYouMean(keys[0]!, known)}`;
  return `unknown fields ${keys.map((k) => `"${k}"${closest(k, known) ? ` (did you mean ${closest(k, known)}?)` : ''}`).join(', ')}`;
}

/** Problems listed at most: a file wrong in a thousand places is fixed from the first ones. */
export const MAX_PROBLEMS = 20;

/** The problems as list lines, the first MAX_PROBLEMS of them and then how many more there are. */
export function problemLines(problems: readonly string[]): string[] {
  const lines = problems.slice(0, MAX_PROBLEMS).map((p) => `  - ${p}`);
  if (problems.length > MAX_PROBLEMS) lines.push(`  - and ${problems.length - MAX_PROBLEMS} more`);
  return lines;
}

export function invalid(file: string, problems: readonly string[], what = 'scenario'): InputError {
  return new InputError(`${file}: invalid ${what}\n${problemLines(problems).join('\n')}`, file);
}

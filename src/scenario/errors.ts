// Input errors: bad files, fields, values. The CLI prints these plainly and exits 2.
import type {z} from 'zod';

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

/** One line per problem: the field path and what was expected. */
export function zodProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    let msg = issue.message;
    if (issue.code === 'unrecognized_keys') msg = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    if (issue.code === 'invalid_union' && 'note' in issue && issue.note === 'No matching discriminator') msg = 'unknown value for the discriminator';
    return `${formatPath(issue.path)}: ${msg}`;
  });
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

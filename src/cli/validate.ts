// `parley validate`: check scenarios without running them. Every file is checked, so one run
// reports all the broken ones; the exit code is 2 if any is invalid.
import {InputError, loadScenario} from '../scenario/resolve.js';
import {parseCommand} from './args.js';
import {UsageError} from './errors.js';
import type {Io} from './io.js';
import {VALIDATE_USAGE} from './usage/validate.js';

export function validateCommand(args: string[], io: Io): number {
  const {values, positionals} = parseCommand(VALIDATE_USAGE, args);
  if (positionals.length === 0) throw new UsageError('validate needs a scenario file or bundled name');
  let code = 0;
  for (const ref of positionals) {
    try {
      const {file, scenario: s, notes} = loadScenario(ref, {set: values.set ?? []});
      for (const note of notes) io.stderr(`note: ${note}\n`);
      const agents = (['government', 'taliban', 'us'] as const).map((a) => `${a}=${s.agents[a].policy}`).join(', ');
      io.stdout(`${file}: valid (${s.name}${s.information ? `, information as of ${s.information}` : ''}, ${s.days} days, ${agents})\n`);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      io.stderr(`parley: ${e.message}\n`);
      code = 2;
    }
  }
  return code;
}

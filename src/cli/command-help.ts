// `parley COMMAND --help` (and `parley help COMMAND`): a command's synopsis, what it does, every
// option it parses with its meaning and default, and examples, from its CommandUsage. 80 columns.
import {padEnd, wrap} from '../text/plain.js';
import type {CommandUsage, OptionSpec} from './args.js';

const WIDTH = 80;
/** Where the meaning of an option starts. */
const COLUMN = 22;

/** `--days N`, `--no-stall-risk`. */
export const optionLabel = (name: string, o: OptionSpec): string => `--${name}${o.type === 'string' && o.value ? ` ${o.value}` : ''}`;

function optionLine(label: string, text: string): string {
  const head = `  ${label}`;
  // A label too long for its column gets the meaning on the next line.
  if (head.length >= COLUMN - 1) return `${head}\n${wrap(text, WIDTH, ' '.repeat(COLUMN), COLUMN)}`;
  return wrap(text, WIDTH, padEnd(head, COLUMN), COLUMN);
}

export function commandHelp(usage: CommandUsage): string {
  const options = Object.entries(usage.options).map(([name, o]) => optionLine(optionLabel(name, o), o.defaultText === undefined ? o.help : `${o.help} (default: ${o.defaultText})`));
  options.push(optionLine('-h, --help', 'show this help'));
  const examples = usage.examples.map(([command, does]) => `  ${command}\n${wrap(does, WIDTH, '      ', 6)}`);
  return [
    usage.synopsis.map((s, i) => `${i === 0 ? 'Usage: ' : '       '}parley ${s}`).join('\n'),
    wrap(usage.about, WIDTH, '', 0),
    `Options\n${options.join('\n')}`,
    `Examples\n${examples.join('\n')}`,
    'parley --help lists every command, the dashboard keys and the exit codes.\n',
  ].join('\n\n');
}

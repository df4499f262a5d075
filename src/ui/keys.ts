// Keypresses from what the terminal sent. Ink's useInput hands over a run of plain characters as
// one string (`' q'` typed fast, a held `+`, a paste), so a handler that compares `input === 'q'`
// misses every key in it. Ink 6 already cuts escape sequences out of a chunk and delivers each on
// its own, but once it has parsed one the raw sequence is gone (an unknown one such as `ESC[200~`
// reaches the handler as the text `[200~`, which would read as the keys `[`, `2`, …). So the split
// is made here, on the raw string: every escape sequence kept whole, every other character a key
// of its own, each parsed to the same (input, key) that useInput gives for a single key.
import type {Key} from 'ink';

const ESC = '\u001B';

/** The parts of Ink's Key that a parsed keypress sets; the rest are false. */
type KeyName = 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'tab' | 'backspace' | 'delete';

export interface Keypress {
  /** The character typed, or '' for a named key (arrows, Enter, Escape…); the letter with ctrl. */
  readonly input: string;
  readonly key: Key;
}

const isFinal = (c: number): boolean => c >= 0x40 && c <= 0x7e;
const isParam = (c: number): boolean => c >= 0x20 && c <= 0x3f;

/**
 * Where the escape sequence starting at `i` ends (exclusive): CSI `ESC [ params final` (with the
 * legacy `ESC [ [ A` form), SS3 `ESC O final`, a doubled ESC before either (Alt + the key), ESC and
 * one character (Alt + it), or a lone ESC. A sequence cut off by the end of the chunk is taken whole.
 */
function escapeEnd(s: string, i: number): number {
  let j = i + 1;
  if (s[j] === ESC && (s[j + 1] === '[' || s[j + 1] === 'O')) j++;
  if (s[j] === '[') {
    let k = j + 1;
    if (s[k] === '[') k++;
    while (k < s.length && isParam(s.charCodeAt(k))) k++;
    return k < s.length && isFinal(s.charCodeAt(k)) ? k + 1 : k;
  }
  if (s[j] === 'O' && j + 1 < s.length && isFinal(s.charCodeAt(j + 1))) return j + 2;
  if (j >= s.length) return j;
  // ESC and one code point (Alt + a key, or ESC ESC: Escape with Alt).
  return j + (s.codePointAt(j)! > 0xffff ? 2 : 1);
}

/** A chunk as keypresses, in order: escape sequences whole, `\r\n` one Enter, any other character alone. */
export function splitKeys(chunk: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < chunk.length) {
    if (chunk[i] === ESC) {
      const end = escapeEnd(chunk, i);
      out.push(chunk.slice(i, end));
      i = end;
    } else if (chunk.startsWith('\r\n', i)) {
      out.push('\r');
      i += 2;
    } else {
      const ch = String.fromCodePoint(chunk.codePointAt(i)!);
      out.push(ch);
      i += ch.length;
    }
  }
  return out;
}

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

const CSI_LETTER: Readonly<Record<string, KeyName>> = {A: 'upArrow', B: 'downArrow', C: 'rightArrow', D: 'leftArrow', H: 'home', F: 'end'};
const CSI_TILDE: Readonly<Record<string, KeyName>> = {'1': 'home', '3': 'delete', '4': 'end', '5': 'pageUp', '6': 'pageDown', '7': 'home', '8': 'end'};

const named = (name: KeyName, mods: Partial<Key> = {}): Keypress => ({input: '', key: {...NO_KEY, ...mods, [name]: true}});

/** xterm's modifier parameter (`1;5C` is Ctrl + →): 1 + shift 1, alt 2, ctrl 4, meta 8. */
function modifiers(param: string | undefined): Partial<Key> {
  const m = Math.max(0, Number(param ?? 1) - 1);
  return {shift: (m & 1) !== 0, meta: (m & 10) !== 0, ctrl: (m & 4) !== 0};
}

/** An escape sequence as a key; one parley has no use for (F-keys, mouse, paste marks) is no key. */
function escapeKey(seq: string): Keypress {
  if (seq === ESC || seq === ESC + ESC) return named('escape', {meta: true});
  const alt = seq.startsWith(ESC + ESC);
  const body = seq.slice(alt ? 2 : 1);
  const csi = /^\[\[?([\d;]*)([A-Za-z~])$/.exec(body);
  if (csi) {
    const [, params = '', final = ''] = csi;
    const [first, mod] = params.split(';');
    const name = final === '~' ? CSI_TILDE[first ?? ''] : CSI_LETTER[final];
    return name ? named(name, {...modifiers(mod), ...(alt ? {meta: true} : {})}) : {input: '', key: NO_KEY};
  }
  const ss3 = /^O([A-Z])$/.exec(body);
  if (ss3) {
    const name = CSI_LETTER[ss3[1]!];
    return name ? named(name, alt ? {meta: true} : {}) : {input: '', key: NO_KEY};
  }
  // Alt + a key: that key, with meta.
  if (!alt && body.length > 0) {
    const inner = plainKey(body);
    return {input: inner.input, key: {...inner.key, meta: true}};
  }
  return {input: '', key: NO_KEY};
}

/** One character that is not ESC, as useInput reports it. */
function plainKey(ch: string): Keypress {
  if (ch === '\r') return named('return');
  if (ch === '\n') return {input: '\n', key: NO_KEY};
  if (ch === '\t') return named('tab');
  if (ch === '\b') return named('backspace');
  if (ch === '\u007F') return named('delete');
  const code = ch.charCodeAt(0);
  // Ctrl + a letter arrives as 1..26: Ink reports the letter with ctrl.
  if (code >= 1 && code <= 26) return {input: String.fromCharCode(code + 96), key: {...NO_KEY, ctrl: true}};
  return {input: ch, key: {...NO_KEY, shift: /^[A-Z]$/.test(ch)}};
}

/** One keypress (an item of splitKeys) as the (input, key) pair Ink's useInput gives. */
export function parseKey(keypress: string): Keypress {
  return keypress.startsWith(ESC) ? escapeKey(keypress) : plainKey(keypress);
}

/** Every keypress in a chunk, parsed. */
export const keypresses = (chunk: string): Keypress[] => splitKeys(chunk).map(parseKey);

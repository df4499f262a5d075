// Small plain-text helpers for terminal output. Deterministic on purpose: no locale-dependent
// formatting (toLocaleString varies with the ICU data and the user's locale).

/** 0.9702 → "97%". */
export const percent = (p: number): string => `${Math.round(p * 100)}%`;

/** Pads on the right to `width` (never truncates). */
export const padEnd = (s: string, width: number): string => (s.length >= width ? s : s + ' '.repeat(width - s.length));

/** Pads on the left to `width` (for numbers in columns). */
export const padStart = (s: string, width: number): string => (s.length >= width ? s : ' '.repeat(width - s.length) + s);

/**
 * Word-wraps `text` to `width` columns. The first line starts after `first` (already printed
 * by the caller); later lines are indented by `indent` spaces. Words longer than a line are
 * left whole rather than broken.
 */
export function wrap(text: string, width: number, first: string, indent: number): string {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of words) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = ' '.repeat(indent) + word;
    } else {
      line += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}

/** The first sentence of a paragraph: up to a full stop followed by a capital or the end. */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const m = /^.*?[.!?](?=\s+[A-Z"'(]|$)/.exec(flat);
  return m ? m[0] : flat;
}

// Terminal width of text, measured the way Ink measures it: one column a character, two for
// wide (CJK, emoji) characters, none for combining marks. Shared by the dashboard panels and the
// plain-text tables, which both fit every line to a budget themselves.

const COMBINING = /^[\p{Mn}\p{Me}]$/u;
const WIDE =
  /[\p{Emoji_Presentation}\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;

/** Columns one code point takes: 0 for controls, zero-width and combining marks, 2 for wide ones. */
export function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return 0;
  if ((code >= 0x200b && code <= 0x200f) || code === 0x2060 || (code >= 0xfe00 && code <= 0xfe0f)) return 0;
  if (COMBINING.test(ch)) return 0;
  return WIDE.test(ch) ? 2 : 1;
}

/** Terminal columns `text` takes. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/** Line breaks and tabs in engine or scenario text would break a panel's row budget; other controls would upset the terminal. */
// eslint-disable-next-line no-control-regex
export const flatten = (text: string): string => text.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001F\u007F-\u009F]/g, '');

/** The longest start of `text` that takes at most `cols` columns. */
export function take(text: string, cols: number): string {
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = charWidth(ch);
    if (w + cw > cols) break;
    out += ch;
    w += cw;
  }
  return out;
}

/** `text` on one line in at most `width` columns, ending in `…` when cut. */
export function fit(text: string, width: number): string {
  const flat = flatten(text);
  if (width <= 0) return '';
  return textWidth(flat) <= width ? flat : take(flat, width - 1) + '…';
}

/** `fit`, then spaces up to exactly `width` columns. */
export function pad(text: string, width: number): string {
  const t = fit(text, width);
  return t + ' '.repeat(Math.max(0, width - textWidth(t)));
}

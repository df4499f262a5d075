// Splitting what the terminal sent into keypresses: escape sequences whole (arrows, with
// modifiers, SS3, a lone Escape, Alt + a key), every other character a key of its own, each
// parsed as Ink's useInput parses a single key.
import {describe, expect, it} from 'vitest';
import {keypresses, parseKey, splitKeys} from '../../src/ui/keys.js';

const ESC = '\u001B';

describe('splitKeys', () => {
  it('splits a run of characters into one key each', () => {
    expect(splitKeys(' q')).toEqual([' ', 'q']);
    expect(splitKeys('+++')).toEqual(['+', '+', '+']);
    expect(splitKeys('2020-04-07\r')).toEqual([...'2020-04-07', '\r']);
  });

  it('keeps escape sequences whole, between plain keys', () => {
    expect(splitKeys(`${ESC}[A${ESC}[1;5C${ESC}OA`)).toEqual([`${ESC}[A`, `${ESC}[1;5C`, `${ESC}OA`]);
    expect(splitKeys(` ${ESC}[C+${ESC}[3~q`)).toEqual([' ', `${ESC}[C`, '+', `${ESC}[3~`, 'q']);
    expect(splitKeys(`${ESC}[200~pasted${ESC}[201~`)).toEqual([`${ESC}[200~`, ...'pasted', `${ESC}[201~`]);
    expect(splitKeys(`${ESC}[[A`)).toEqual([`${ESC}[[A`]);
  });

  it('a lone Escape, Alt + a key, Alt + an arrow', () => {
    expect(splitKeys(ESC)).toEqual([ESC]);
    expect(splitKeys(`${ESC}${ESC}`)).toEqual([`${ESC}${ESC}`]);
    expect(splitKeys(`${ESC}q`)).toEqual([`${ESC}q`]);
    expect(splitKeys(`${ESC}${ESC}[A?`)).toEqual([`${ESC}${ESC}[A`, '?']);
  });

  it('a pasted line end is one Enter; characters outside the BMP stay whole', () => {
    expect(splitKeys('a\r\nb')).toEqual(['a', '\r', 'b']);
    expect(splitKeys('😀x')).toEqual(['😀', 'x']);
  });
});

describe('parseKey', () => {
  it('arrows, plain or with modifiers, CSI or SS3', () => {
    expect(parseKey(`${ESC}[A`)).toMatchObject({input: '', key: {upArrow: true, ctrl: false}});
    expect(parseKey(`${ESC}[1;5C`)).toMatchObject({input: '', key: {rightArrow: true, ctrl: true}});
    expect(parseKey(`${ESC}OD`)).toMatchObject({input: '', key: {leftArrow: true}});
    expect(parseKey(`${ESC}[B`).key.downArrow).toBe(true);
  });

  it('Enter, Escape, backspace, delete, Ctrl-C, shift', () => {
    expect(parseKey('\r')).toMatchObject({input: '', key: {return: true}});
    expect(parseKey(ESC)).toMatchObject({input: '', key: {escape: true, meta: true}});
    expect(parseKey('\u007F').key.delete).toBe(true);
    expect(parseKey('\b').key.backspace).toBe(true);
    expect(parseKey(`${ESC}[3~`).key.delete).toBe(true);
    expect(parseKey('\u0003')).toMatchObject({input: 'c', key: {ctrl: true}});
    expect(parseKey('Q')).toMatchObject({input: 'Q', key: {shift: true}});
    expect(parseKey(' ')).toMatchObject({input: ' ', key: {ctrl: false, meta: false}});
  });

  it('a sequence parley has no use for is no key (never the text of it)', () => {
    for (const seq of [`${ESC}[200~`, `${ESC}[I`, `${ESC}OP`, `${ESC}[15~`]) {
      const {input, key} = parseKey(seq);
      expect(input).toBe('');
      expect(Object.values(key).some((v) => v === true)).toBe(false);
    }
  });

  it('Alt + a key is that key with meta', () => {
    expect(parseKey(`${ESC}q`)).toMatchObject({input: 'q', key: {meta: true}});
  });

  it('keypresses: split and parsed', () => {
    expect(keypresses(` ${ESC}[Cq`).map((k) => [k.input, k.key.rightArrow])).toEqual([
      [' ', false],
      ['', true],
      ['q', false],
    ]);
  });
});

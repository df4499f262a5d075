// "Did you mean …?" for a mistyped name: the closest candidate by edit distance, when it is close
// enough to be a typo rather than another word: 2 edits (a swap of two letters is 2), or a third of
// a long word's length, at most 3, and fewer edits than the word has letters.
import {distance} from 'fastest-levenshtein';

/** The candidate nearest to `word`, or undefined when none is a plausible typo of it. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.min(3, Math.max(2, Math.floor(word.length / 3)), word.length - 1);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= limit && best !== word ? best : undefined;
}

/** `"; did you mean run?"` for a near miss, else `""`: appended to an error message. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closest(word, candidates);
  return match === undefined ? '' : `; did you mean ${match}?`;
}

// Reasons are written once and read rarely: a sweep runs millions of rounds and reads none, the
// dashboard reads a few a second. So an action keeps its reason as a fixed text with numbered
// slots and the values apart; the sentence is put together only when it is read (logged, shown),
// and a round that nobody reads allocates no strings.

/** A value for a reason's slot. */
export type ReasonArg = string | number;

/** Most values a reason takes: slots {0} to {2}. */
export const REASON_ARGS = 3;

/** What explain needs: the text and the values of its slots. */
export interface Explainable {
  reason: string;
  reasonArgs: readonly (ReasonArg | undefined)[];
}

// {0} is the value as a template literal prints it; {0:.1} a number with one decimal.
const SLOT = /\{(\d)(?::\.(\d))?\}/g;

/** The reason as a sentence: each slot replaced by its value. */
export function explain(a: Explainable): string {
  if (!a.reason.includes('{')) return a.reason;
  return a.reason.replace(SLOT, (_, i: string, digits: string | undefined) => {
    const v = a.reasonArgs[Number(i)];
    // A slot without a value is a policy's mistake; fail loudly rather than print "undefined".
    if (v === undefined) throw new Error(`reason "${a.reason}" has no value for {${i}}`);
    return digits === undefined ? String(v) : Number(v).toFixed(Number(digits));
  });
}

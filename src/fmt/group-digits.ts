// Digit grouping without the locale (toLocaleString varies with the ICU data and the user's
// locale): the same text on every machine.

/** 5000 → "5,000". */
export function groupDigits(n: number): string {
  const sign = n < 0 ? '-' : '';
  const [whole, frac] = String(Math.abs(n)).split('.');
  return sign + whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac === undefined ? '' : `.${frac}`);
}

// COVID-19 relief in the government's ordinary batches (docs/model.md §4, "Who is freed"): in
// spring 2020 releases were begun and framed as relief for the old and sick (T14, T21, T27).
import {num} from '../define.js';

/** The parameter of every policy that enlarges its batches under COVID-19 pressure. */
export const humanitarianWeight = (doc = 'how much COVID-19 pressure enlarges ordinary batches') => num(0.3, 0, 1, doc);

/**
 * An ordinary batch of `batch` under COVID-19 pressure `humanitarian` (s.gov.humanitarian): the
 * humanitarian releases come on top of the schedule, and of its largest batch, in proportion to
 * the pressure still felt, which falls as the old and sick are freed (src/sim/humanitarian.ts).
 */
export function covidBatch(batch: number, weight: number, humanitarian: number): number {
  return Math.floor(batch + batch * weight * humanitarian);
}

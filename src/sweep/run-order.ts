// The structure of a sweep's rows, checked the same way by --resume, merge and summarize: every
// run once, in run order, with its point and replicate following on (run r is replicate
// r mod R of point r div R). A duplicated, missing or shuffled row is named by its line.
import type {Field} from './row-check.js';

export class RunOrder {
  private next: number | null;
  private point: number | null = null;
  private replicate: number | null = null;
  /** Replicates a point, known once a point has been left. */
  private replicates: number | null = null;

  /** `start`: the run the rows must begin with (null: any, as in one shard of several). */
  constructor(start: number | null) {
    this.next = start;
  }

  /** Runs checked so far end before this one. */
  get end(): number | null {
    return this.next;
  }

  /** What is wrong with the order of this row (its values typed), or null; call once a row, in file order. */
  follow(field: Field): string | null {
    const run = field('run');
    const point = field('point');
    const replicate = field('replicate');
    if (typeof run !== 'number') return null; // the row check says what run should be
    const expected = this.next ?? run;
    if (run !== expected) {
      const why = run < expected ? `run ${run} is there already, or out of order (a duplicated row?)` : `${run - expected === 1 ? `run ${expected} is` : `runs ${expected} to ${run - 1} are`} missing (or out of order)`;
      return `holds run ${run} where run ${expected} was expected: ${why}; a results file holds every run once, in order`;
    }
    const problem = this.followPoint(point, replicate, run === 0);
    if (problem !== null) return problem;
    this.next = run + 1;
    return null;
  }

  private followPoint(point: unknown, replicate: unknown, first: boolean): string | null {
    if (typeof point !== 'number') return null;
    const rep = typeof replicate === 'number' ? replicate : null;
    const at = (p: unknown, r: unknown): string => `point ${String(p)}${rep === null ? '' : `, replicate ${String(r)}`}`;
    let ok: boolean;
    if (this.point === null) ok = !first || (point === 0 && (rep === null || rep === 0));
    else if (point === this.point) ok = rep === null || rep === this.replicate! + 1;
    else ok = point === this.point + 1 && (rep === null || (rep === 0 && (this.replicates === null || this.replicates === this.replicate! + 1)));
    if (!ok) {
      if (this.point === null) return `${at(point, replicate)} for run 0, which is ${at(0, 0)}`;
      return `${at(point, replicate)} does not follow ${at(this.point, this.replicate)}: each point's replicates run 0, 1, 2, … in order, the same number for every point`;
    }
    if (this.point !== null && point !== this.point && rep !== null) this.replicates = this.replicate! + 1;
    this.point = point;
    this.replicate = rep;
    return null;
  }
}

// Milestones of a run (first releases, first walk-out, unilateral batches, ratification,
// completion) and their distribution over many seeds: the numbers set against history.
import {runValue} from '../sim/observables.js';
import type {RunResult} from '../sim/run.js';
import {nearestRank} from '../stats/nearest-rank.js';

export interface Milestones {
  outcome: 'complete' | 'broken' | 'ongoing';
  firstGovernmentRelease: number | null;
  firstTalibanRelease: number | null;
  firstWalkout: number | null;
  unilateralGovernmentBatches: number;
  ratified: number | null;
  complete: number | null;
  stallEpisodes: number;
  longestStall: number;
}

export function milestones(r: RunResult): Milestones {
  const s = r.state;
  const batches = s.batches ?? [];
  const firstOf = (from: 'government' | 'taliban'): number | null => batches.find((b) => b.from === from)?.day ?? null;
  let longest = 0;
  for (const e of s.episodes ?? []) longest = Math.max(longest, (e.end ?? s.day) - e.start);
  return {
    outcome: runValue('status', r),
    firstGovernmentRelease: firstOf('government'),
    firstTalibanRelease: firstOf('taliban'),
    firstWalkout: s.walkouts?.[0]?.day ?? null,
    unilateralGovernmentBatches: batches.filter((b) => b.from === 'government' && b.unilateral).length,
    ratified: s.log?.find((e) => e.type === 'ratified')?.day ?? null,
    complete: runValue('completionDay', r),
    stallEpisodes: runValue('stallEpisodes', r),
    longestStall: longest,
  };
}

export interface Distribution {
  /** Share of runs in which the milestone happened. */
  share: number;
  median: number | null;
  p10: number | null;
  p90: number | null;
}

export function distribution(values: readonly (number | null)[]): Distribution {
  const present = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  return {
    share: values.length ? present.length / values.length : 0,
    median: nearestRank(present, 0.5),
    p10: nearestRank(present, 0.1),
    p90: nearestRank(present, 0.9),
  };
}

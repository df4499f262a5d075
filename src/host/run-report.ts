// A plain run (`parley run` without the dashboard): the scenario to its report, on this thread.
// The engine is synchronous and a run with many stall-risk rollouts takes minutes, so it runs
// in slices with a turn of the event loop between them: Ctrl-C (bin.ts) is handled within a
// slice, and no thread has to start or load the engine a second time.
import {setImmediate as nextTurn} from 'node:timers/promises';
import {buildReport, type RunReport} from '../sim/report.js';
import {startRun} from '../sim/run.js';
import {prepareRun, type RunJob} from './prepare-run.js';

export interface ReportJob extends RunJob {
  version: string;
}

/** How long the engine runs before the event loop gets a turn: short next to a person's reaction. */
const SLICE_MS = 50;

/** Resolves with the report; calls `onLoaded` once the scenario is valid, before the (long) run. */
export async function runReport(job: ReportJob, onLoaded: (loaded: {notes: string[]}) => void): Promise<RunReport> {
  const {config, notes, options, replay, draw} = await prepareRun(job);
  onLoaded({notes});
  // Rounds as runSimulation runs them (startRun, advance until finished): the same report.
  const run = startRun(config, options);
  for (let more = true; more; ) {
    const until = performance.now() + SLICE_MS;
    while ((more = run.advance()) && performance.now() < until);
    if (more) await nextTurn();
  }
  const result = {config: run.config, state: run.state, daily: run.daily, fork: run.fork};
  return buildReport(result, job.version, replay ? (await import('../history/divergence.js')).runDivergence(replay, result) : null, draw);
}

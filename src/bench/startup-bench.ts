// Start-up for `npm run bench` (and `npm run bench:startup` alone): how long a whole `parley`
// process takes, beside `node -e 0` (Node's own start-up, the floor) measured in the same run.
// Goals: `parley run baseline --json --no-stall-risk` within 4x of it, `parley --version` within
// 2x. The three commands take turns, so a busy moment of the machine weighs on each alike.
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {median} from '../stats/median.js';

const BIN = fileURLToPath(new URL('../bundle/bin.js', import.meta.url));

const COMMANDS = {
  node: ['-e', '0'],
  version: [BIN, '--version'],
  run: [BIN, 'run', 'baseline', '--json', '--no-stall-risk'],
} as const;
type Measured = keyof typeof COMMANDS;

export const STARTUP_GOALS = {runRatio: 4, versionRatio: 2};

export interface Startup {
  processes: number;
  /** Medians, in ms. */
  nodeMs: number;
  versionMs: number;
  runMs: number;
  /** Each against node -e 0. */
  versionRatio: number;
  runRatio: number;
}

/** One process's wall time, in ms; a failure is an error (a broken build must not look fast). */
export function timeProcess(args: readonly string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, {stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8'});
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status ?? r.signal}: ${r.stderr}`);
  return ms;
}

export function startupBench(processes = 20): Startup {
  const times: Record<Measured, number[]> = {node: [], version: [], run: []};
  const names = Object.keys(COMMANDS) as Measured[];
  for (const name of names) timeProcess(COMMANDS[name]); // warm the file cache
  for (let i = 0; i < processes; i++) for (const name of names) times[name].push(timeProcess(COMMANDS[name]));
  const [nodeMs, versionMs, runMs] = names.map((n) => median(times[n])) as [number, number, number];
  return {processes, nodeMs, versionMs, runMs, versionRatio: versionMs / nodeMs, runRatio: runMs / nodeMs};
}

const ok = (b: boolean): string => (b ? 'meets goal' : 'BELOW GOAL');

/** The bench's lines for start-up. */
export function startupLines(s: Startup): string[] {
  const ms = (x: number): string => `${x.toFixed(0)} ms`;
  return [
    `  start-up, medians of ${s.processes} processes    node -e 0 ${ms(s.nodeMs)}`,
    `    parley --version                    ${ms(s.versionMs)}, ${s.versionRatio.toFixed(2)}x node   (goal <= ${STARTUP_GOALS.versionRatio}x: ${ok(s.versionRatio <= STARTUP_GOALS.versionRatio)})`,
    `    parley run baseline --json --no-stall-risk  ${ms(s.runMs)}, ${s.runRatio.toFixed(2)}x node   (goal <= ${STARTUP_GOALS.runRatio}x: ${ok(s.runRatio <= STARTUP_GOALS.runRatio)})`,
  ];
}

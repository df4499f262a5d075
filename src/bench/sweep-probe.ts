// One sweep in a process of its own, for `npm run bench`: runs a spec with N workers, streams the
// rows to a file as the CLI does, and prints the runs per second and the process's peak resident
// memory (worker threads live in the same process, so they are counted).
import {closeSync, openSync, writeSync} from 'node:fs';
import {loadSweep} from '../sweep/plan.js';
import {runSweep} from '../sweep/run-sweep.js';

const [spec, workers, out] = process.argv.slice(2);
const plan = loadSweep(spec!, {check: false});
const fd = openSync(out!, 'w');
// Steady pace: from the first chunk written (the pool started, modules loaded) to the last.
const marks: {t: number; runs: number}[] = [];
const r = await runSweep({
  plan,
  workers: Number(workers),
  write: (text) => void writeSync(fd, text),
  onChunk: (_rows, written) => void (marks.length === 0 && marks.push({t: performance.now(), runs: written})),
});
const end = performance.now();
closeSync(fd);
// maxRSS: the kernel's high-water mark of resident memory, in kilobytes.
const first = marks[0];
const steady = first ? (r.next - r.from - first.runs) / ((end - first.t) / 1000) : NaN;
process.stdout.write(`${JSON.stringify({runs: r.next - r.from, seconds: r.seconds, runsPerSecond: (r.next - r.from) / r.seconds, steadyRunsPerSecond: steady, peakRssMb: process.resourceUsage().maxRSS / 1024})}\n`);

// One sweep in a process of its own, for `npm run bench`: runs a spec with N workers, streams the
// rows to a file as the CLI does, and prints the runs per second and the process's peak resident
// memory (worker threads live in the same process, so they are counted).
import {closeSync, openSync, writeSync} from 'node:fs';
import {loadSweep} from '../sweep/plan.js';
import {runSweep} from '../sweep/run-sweep.js';

const [spec, workers, out] = process.argv.slice(2);
const plan = loadSweep(spec!, {check: false});
const fd = openSync(out!, 'w');
const r = await runSweep({plan, workers: Number(workers), write: (bytes) => void writeSync(fd, bytes)});
closeSync(fd);
// maxRSS: the kernel's high-water mark of resident memory, in kilobytes.
process.stdout.write(`${JSON.stringify({runs: r.next - r.from, seconds: r.seconds, runsPerSecond: (r.next - r.from) / r.seconds, peakRssMb: process.resourceUsage().maxRSS / 1024})}\n`);

// The dashboard overhead in a process of its own, for `npm run bench`: prints dashboardOverhead's
// result as JSON. Its stderr goes to a pipe: Ink's cursor handling ends the process with
// ESC[?25h there (dashboard-overhead.tsx), which the bench's own output must not carry.
import {processIo} from '../cli/io.js';

// As in the parley executable: React's production build (set before React loads).
process.env.NODE_ENV ??= 'production';
const [scenario, trials, ...set] = process.argv.slice(2);
const {dashboardOverhead} = await import('./dashboard-overhead.js');
processIo.stdout(`${JSON.stringify(await dashboardOverhead(scenario!, Number(trials), set))}\n`);

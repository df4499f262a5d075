// The bench's dashboard measurement draws on an off-screen terminal, and Ink's cursor handling
// then ends that process with ESC[?25h on its stderr, terminal or not. The bench runs it in a
// probe process, so the bench's own output carries no escape code.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {distModule, removeTempDirs, sh, tempDir} from '../helpers/cli.js';

afterAll(removeTempDirs);

/**
 * Runs `source` as a module file (worker threads it starts inherit no --eval flags), outside CI
 * as a person runs the bench: in CI Ink draws nothing live and hides no cursor.
 */
function runModule(source: string): ReturnType<typeof sh> {
  const file = join(tempDir(), 'probe.mjs');
  writeFileSync(file, source);
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'CI' && k !== 'CONTINUOUS_INTEGRATION' && !k.startsWith('CI_'))) as Record<string, string>;
  return sh('env', ['-u', 'CI', process.execPath, file], {env});
}

describe('the dashboard overhead measurement', () => {
  it('leaves no terminal escape code in the output of the process that asks for it', async () => {
    const script = `const {dashboardProbe} = await import(${JSON.stringify(distModule('bench/bench-run.js'))});
const r = dashboardProbe('baseline', 1, ['stall.rollouts=10']);
console.log(r.dashboardMs > 0 && r.headlessMs > 0);`;
    const r = await runModule(script);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('true');
    expect(r.code).toBe(0);
  }, 60_000);

  it('would print one if drawn in the same process (what the probe keeps out)', async () => {
    const script = `const {dashboardOverhead} = await import(${JSON.stringify(distModule('bench/dashboard-overhead.js'))});
await dashboardOverhead('baseline', 1, ['stall.rollouts=10']);`;
    const r = await runModule(script);
    expect(r.stderr).toContain('\u001B[?25h');
  }, 60_000);
});

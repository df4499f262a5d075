// Before the tests (and before each rerun in watch mode): dist/ current, since the CLI tests run
// the build (test/helpers/cli.ts). After `npm test`'s own build this is one stat a file. When a
// source is newer, it builds as `npm run build` does (tsc, then the bundle; about 10 s); type
// errors do not stop the tests (vitest ignores types too; `npm run typecheck` is for them), a
// build that wrote nothing does.
import {spawnSync} from 'node:child_process';
import {createRequire} from 'node:module';
import type {TestProject} from 'vitest/node';
import {buildTimes, staleReason} from './build-freshness.js';
import {ROOT} from './cli.js';

const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

function ensureBuild(): void {
  const reason = staleReason(buildTimes(ROOT));
  if (reason === undefined) return;
  process.stderr.write(`dist/ is out of date (${reason}): building it (tsc -p tsconfig.build.json, node bundle.js)\n`);
  const tsc = spawnSync(process.execPath, [TSC, '-p', 'tsconfig.build.json'], {cwd: ROOT, encoding: 'utf8'});
  const bundle = spawnSync(process.execPath, ['bundle.js'], {cwd: ROOT, encoding: 'utf8'});
  const output = `${tsc.stdout}${tsc.stderr}${bundle.stdout}${bundle.stderr}`.trim();
  const still = staleReason(buildTimes(ROOT));
  if (still !== undefined) throw new Error(`dist/ is out of date and building it failed (${still}):\n${output || tsc.error?.message}`);
  if (tsc.status !== 0) process.stderr.write(`the build has type errors; dist/ is built from src/ as it is:\n${output}\n`);
}

export default function setup(project: TestProject): void {
  ensureBuild();
  project.onTestsRerun(() => ensureBuild());
}

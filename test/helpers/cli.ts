// Drives the built CLI (dist/bundle/bin.js, what `parley` starts) as a user would: a child process, CI=true, no stdin.
// vitest's global setup (global-setup.ts) rebuilds dist/ first when a source is newer.
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The build (the global setup keeps it current). */
export const DIST = join(ROOT, 'dist');
export const BIN = join(DIST, 'bundle/bin.js');

/** The file URL of a built module (`path` under dist/), for import() here or in a child process. */
export const distModule = (path: string): string => pathToFileURL(join(DIST, path)).href;

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Called once the child is running (e.g. to send it a signal). */
  started?: (child: ReturnType<typeof spawn>) => void;
}

export function parley(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build first (npm run build)`);
  return sh(process.execPath, [BIN, ...args], options);
}

/** Runs a command with the CLI's test environment; used for shell pipelines too. */
export function sh(command: string, args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      env: {...process.env, CI: 'true', ...options.env},
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({code, signal, stdout, stderr}));
    options.started?.(child);
  });
}

const tempDirs: string[] = [];

/** A fresh folder for scenario files and outputs; removed by removeTempDirs (call it in afterAll). */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-cli-'));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, {recursive: true, force: true});
}

export const DEFAULT_AGENTS = `agents:
  government: {policy: phased-conditional}
  taliban: {policy: ratio-releaser}
  us: {policy: facilitator}`;

/** Writes a small valid scenario (YAML, 60 days, no stall risk) into `dir`; returns its path. */
export function writeScenario(dir: string, name: string, agents = DEFAULT_AGENTS): string {
  const file = join(dir, name);
  const head = ['name: cli-test', 'description: A scenario written by the CLI tests.', 'start: 2020-03-01', 'days: 60', 'seed: cli', 'stall: {rollouts: 0}'];
  writeFileSync(file, `${head.join('\n')}\n${agents}\n`);
  return file;
}

/** No stack-trace frames ("    at fn (file:1:2)") in a message meant for users. */
export const hasStackTrace = (text: string): boolean => /^ {4}at /m.test(text);

/** Terminal escape sequences (colour, cursor movement). */
export const hasEscapes = (text: string): boolean => text.includes('\u001b');

/** Display width check: every line fits an 80-column terminal. */
export const longLines = (text: string): string[] => text.split('\n').filter((l) => [...l].length > 80);

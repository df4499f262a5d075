// The check the global setup makes before building dist/: on hand-made times, and on a small
// project in a temp folder, as the setup reads it.
import {mkdirSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {BUILD_CONFIGS, BUNDLE, buildTimes, outputOf, staleReason, type FileTime} from './build-freshness.js';
import {removeTempDirs, tempDir} from './cli.js';

const at = (path: string, mtimeMs: number | undefined): FileTime => ({path, mtimeMs});

describe('staleReason', () => {
  const inputs = [at('src/cli/bin.ts', 100), at('src/sim/run.ts', 200), at('tsconfig.json', 50)];
  const outputs = [at('dist/cli/bin.js', 300), at('dist/sim/run.js', 290)];

  it('finds a build newer than every input current', () => {
    expect(staleReason({inputs, outputs})).toBeUndefined();
    expect(staleReason({inputs, outputs: [at('dist/cli/bin.js', 200), at('dist/sim/run.js', 200)]})).toBeUndefined();
  });

  it('names the newest input edited after the build', () => {
    const edited = [...inputs, at('src/ui/App.tsx', 295), at('src/sweep/plan.ts', 310)];
    expect(staleReason({inputs: edited, outputs})).toBe('src/sweep/plan.ts is newer than dist/sim/run.js');
  });

  it('compares with the oldest output: a source newer than it, older than the rest, is stale', () => {
    expect(staleReason({inputs: [...inputs, at('src/a.ts', 295)], outputs})).toBe('src/a.ts is newer than dist/sim/run.js');
  });

  it('counts a build config as an input', () => {
    expect(staleReason({inputs: [...inputs, at('tsconfig.build.json', 301)], outputs})).toBe('tsconfig.build.json is newer than dist/sim/run.js');
  });

  it('names a missing output, and an empty build', () => {
    expect(staleReason({inputs, outputs: [...outputs, at('dist/ui/App.js', undefined)]})).toBe('dist/ui/App.js is missing');
    expect(staleReason({inputs: [], outputs: []})).toBe('dist/ has no build');
  });

  it('ignores an absent input (a config the project does not have)', () => {
    expect(staleReason({inputs: [...inputs, at('tsconfig.build.json', undefined)], outputs})).toBeUndefined();
  });
});

describe('outputOf', () => {
  it('maps a source to what tsc writes', () => {
    expect(outputOf('src/cli/bin.ts')).toBe('dist/cli/bin.js');
    expect(outputOf('src/ui/App.tsx')).toBe('dist/ui/App.js');
  });
});

describe('buildTimes', () => {
  afterAll(removeTempDirs);

  /** A project with two sources, their outputs and the configs; sources at t=1000 s, outputs at 2000 s. */
  function project(): string {
    const root = tempDir();
    const files = ['src/cli/bin.ts', 'src/ui/App.tsx', 'src/types.d.ts', 'src/notes.md', 'dist/cli/bin.js', 'dist/ui/App.js', BUNDLE, ...BUILD_CONFIGS];
    for (const file of files) {
      mkdirSync(join(root, file, '..'), {recursive: true});
      writeFileSync(join(root, file), '');
      setTime(root, file, file.startsWith('dist/') ? 2000 : 1000);
    }
    return root;
  }
  const setTime = (root: string, file: string, seconds: number): void => utimesSync(join(root, file), seconds, seconds);

  it('reads the sources under src/ (not .d.ts, not other files), their outputs and the configs', () => {
    const root = project();
    const times = buildTimes(root);
    expect(times.inputs.map((i) => i.path)).toEqual(['src/cli/bin.ts', 'src/ui/App.tsx', ...BUILD_CONFIGS]);
    expect(times.outputs).toEqual([at('dist/cli/bin.js', 2_000_000), at('dist/ui/App.js', 2_000_000), at(BUNDLE, 2_000_000)]);
    expect(staleReason(times)).toBeUndefined();
  });

  it('sees a source edited after the build, a new source, a deleted output', () => {
    const root = project();
    setTime(root, 'src/ui/App.tsx', 2001);
    expect(staleReason(buildTimes(root))).toBe('src/ui/App.tsx is newer than dist/cli/bin.js');
    setTime(root, 'src/ui/App.tsx', 1000);
    writeFileSync(join(root, 'src/cli/new.ts'), '');
    setTime(root, 'src/cli/new.ts', 1000);
    expect(staleReason(buildTimes(root))).toBe('dist/cli/new.js is missing');
    rmSync(join(root, 'src/cli/new.ts'));
    rmSync(join(root, 'dist/ui/App.js'));
    expect(staleReason(buildTimes(root))).toBe('dist/ui/App.js is missing');
  });

  it('sees tsc run without the bundle step: the bundle older than a source it changed', () => {
    const root = project();
    setTime(root, 'src/ui/App.tsx', 2500);
    for (const file of ['dist/cli/bin.js', 'dist/ui/App.js']) setTime(root, file, 2600);
    expect(staleReason(buildTimes(root))).toBe(`src/ui/App.tsx is newer than ${BUNDLE}`);
  });
});

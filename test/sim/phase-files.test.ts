// The round is split by phase, one file each, so a reader finds a phase by its file's name and
// each file stays short enough to read at once; step.ts only runs the phases in order.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';

const lines = (file: string): number => readFileSync(new URL(`../../src/sim/${file}`, import.meta.url), 'utf8').trimEnd().split('\n').length;

const PHASES: Record<string, string> = {
  'resolve-us.ts': 'resolveUs',
  'resolve-government.ts': 'resolveGov',
  'resolve-taliban.ts': 'resolveTal',
  'dynamics.ts': 'dynamics',
  'trust.ts': 'updateTrust',
  'outcome.ts': 'checkOutcome',
};

describe('the engine split by phase', () => {
  it('keeps step.ts to the order of the phases, each imported from its own file', () => {
    const text = readFileSync(new URL('../../src/sim/step.ts', import.meta.url), 'utf8');
    expect(lines('step.ts')).toBeLessThanOrEqual(100);
    for (const [file, name] of Object.entries(PHASES)) {
      expect(text, file).toContain(`import {${name}} from './${file.replace(/\.ts$/, '.js')}';`);
      expect(text, file).not.toMatch(new RegExp(`function ${name}\\b`));
    }
  });

  it('keeps every phase file, the stepper and the pools under 200 lines', async () => {
    for (const [file, name] of Object.entries(PHASES)) {
      // A URL built first: vite cannot (and need not) resolve an import() of a template string.
      const url = new URL(`../../src/sim/${file}`, import.meta.url).href;
      const mod = (await import(url)) as Record<string, unknown>;
      expect(typeof mod[name], `${file} exports ${name}`).toBe('function');
    }
    for (const file of [...Object.keys(PHASES), 'step.ts', 'stepper.ts', 'settle.ts', 'pools.ts', 'population.ts']) {
      expect(lines(file), file).toBeLessThanOrEqual(200);
    }
  });
});

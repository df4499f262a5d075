// What must be written once in src/: the stall rule (the engine's and the record's), the
// statistics helpers, the output rounding, peak and mean stall risk, and the observables of a run. Each test names where
// the one definition lives, and fails when a second appears elsewhere.
import {ESLint} from 'eslint';
import {describe, expect, it} from 'vitest';
import {readSources, ROOT} from '../helpers/sources.js';

const SOURCES = [...readSources('src')].map(([path, text]) => ({path: `src/${path}`, text}));

/** The files of src/ whose text matches `re`. */
const filesMatching = (re: RegExp): string[] => SOURCES.filter((f) => re.test(f.text)).map((f) => f.path).sort();

describe('one definition', () => {
  it('of the statistics helpers, in src/stats', () => {
    for (const name of ['wilson', 'normalQuantile', 't975', 'median', 'nearestRank', 'round4', 'saltelli', 'sobolIndices', 'morrisDesign', 'elementaryEffects', 'morrisIndices', 'normalCdf', 'cholesky', 'weightedMean', 'weightedSd', 'weightedCovariance', 'weightedQuantile', 'histogram2d', 'runAbc']) {
      expect(filesMatching(new RegExp(`function\\s+${name}\\b|(const|let)\\s+${name}\\s*=`)), name).toEqual([expect.stringMatching(/^src\/stats\//)]);
    }
  });

  it('of the output rounding to four decimals: src/stats/round.ts', () => {
    expect(filesMatching(/Math\.round\([^)]*\*\s*1e4\)/)).toEqual(['src/stats/round.ts']);
  });

  it('of the stall rule: src/sim/stall.ts, for the engine and the replay of the record alike', () => {
    expect(filesMatching(/>=\s*(def|stall|cfg\.stall|DEFAULT_STALL)\.(walkoutDays|noProgressDays)\b/)).toEqual(['src/sim/stall.ts']);
    expect(filesMatching(/function\s+(stallEpisodes|recordStallCauses)\b/)).toEqual(['src/sim/stall.ts']);
    expect(filesMatching(/import\s*\{[^}]*\brecordStallCauses\b[^}]*\}\s*from\s*'\.\.\/sim\/stall\.js'/)).toEqual(['src/history/replay.ts']);
    expect(filesMatching(/from\s*'\.\.\/analysis\//).filter((f) => f.startsWith('src/history/') || f.startsWith('src/sim/'))).toEqual([]);
  });

  it('of peak and mean stall risk over the days under way: src/sim/under-way.ts', () => {
    expect(filesMatching(/firstRowUnderWay\(/)).toEqual(['src/sim/under-way.ts']);
    expect(filesMatching(/stallRiskUnderWay\(/)).toEqual(['src/sim/observables.ts', 'src/sim/under-way.ts']);
  });

  it('of each observable of a run: src/sim/observables.ts, which the report, the sweep and the snapshot pick from', () => {
    // The engine (src/sim, src/agents) keeps the counters; everything that reports them reads the table.
    const readers = filesMatching(/\.counters\b/).filter((f) => !/^src\/(sim|agents)\//.test(f) || f === 'src/sim/report.ts');
    expect(readers).toEqual([]);
    const picking = filesMatching(/from\s*'(\.\.\/sim|\.)\/observables\.js'/);
    for (const consumer of ['src/sim/report.ts', 'src/sweep/metrics.ts', 'src/host/snapshot.ts']) expect(picking).toContain(consumer);
  });

  it('src/stats is fenced as pure and as the lowest layer', async () => {
    const config = (await new ESLint({cwd: ROOT}).calculateConfigForFile('src/stats/wilson.ts')) as {rules: Record<string, unknown>};
    expect(JSON.stringify(config.rules['no-restricted-properties'])).toContain('Math');
    const imports = JSON.stringify(config.rules['no-restricted-imports']);
    expect(imports).toContain('react');
    expect(imports).toContain('node:*');
    expect(imports).toContain('**/sim/**');
  });
});

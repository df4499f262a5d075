// Lint rules. The one that matters most: src/sim and src/agents are the deterministic engine,
// so they may not read the clock, use Math.random, or import UI, timer or process modules.
// src/stats and src/fmt sit below the engine: as pure, and importing nothing of parley's but
// themselves. Every folder of src/ is fenced to the layers below it (layers.js).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import {LAYERS} from './layers.js';

const impureProperties = [
  {object: 'Math', property: 'random', message: 'Use the seeded PRNG in the simulation state (src/sim/rng.ts).'},
  {object: 'Date', property: 'now', message: 'The engine has no wall clock: time is the round counter.'},
  {object: 'performance', property: 'now', message: 'The engine has no wall clock: time is the round counter.'},
  {object: 'crypto', property: 'randomUUID', message: 'Not deterministic.'},
  {object: 'process', property: 'env', message: 'The engine takes all configuration from the scenario.'},
];

const enginePatterns = [
  {group: ['ink', 'ink-*', 'react', 'react-*', '@inkjs/*'], message: 'The engine must not depend on the UI.'},
  {group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'timers', 'process'], message: 'The engine is pure: no I/O, no timers.'},
];

/** Patterns refusing every folder of src/ that `folder` may not import (layers.js). */
const layerPatterns = (folder) => {
  const allowed = new Set([folder, ...LAYERS[folder]]);
  const refused = Object.keys(LAYERS).filter((f) => !allowed.has(f));
  return refused.length === 0
    ? []
    : [{group: refused.map((f) => `**/${f}/**`), message: `src/${folder} may import only from ${[...allowed].map((f) => `src/${f}`).join(', ')} (layers.js, docs/architecture.md).`}];
};

/** The import fence of each layer; the engine's folders add their purity patterns. */
const layerFences = Object.keys(LAYERS).map((folder) => ({
  files: [`src/${folder}/**/*.ts`, `src/${folder}/**/*.tsx`],
  rules: {
    'no-restricted-imports': ['error', {patterns: [...(['sim', 'agents', 'stats', 'fmt'].includes(folder) ? enginePatterns : []), ...layerPatterns(folder)]}],
  },
}));

export default tseslint.config(
  {ignores: ['dist/**', 'node_modules/**', 'coverage/**']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
    },
  },
  {
    files: ['src/sim/**/*.ts', 'src/agents/**/*.ts', 'src/stats/**/*.ts', 'src/fmt/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error', ...impureProperties],
      'no-restricted-syntax': [
        'error',
        {selector: "NewExpression[callee.name='Date']", message: 'The engine has no wall clock: use the scenario calendar (src/sim/calendar.ts).'},
      ],
      'no-restricted-globals': [
        'error',
        {name: 'setTimeout', message: 'The engine is synchronous.'},
        {name: 'setInterval', message: 'The engine is synchronous.'},
        {name: 'setImmediate', message: 'The engine is synchronous.'},
        {name: 'process', message: 'The engine does not touch the process.'},
      ],
    },
  },
  ...layerFences,
);

// `npm run build`'s second step (after tsc): the `parley` executable as users start it, tsc's dist/
// bundled into a few files in dist/bundle/.
// Node's start-up cost for an ESM program grows with the number of files it resolves, reads and
// compiles: `parley run` loaded about 250 (zod alone 95, yaml 72) and spent a third of its
// start-up finding and reading them. Code splitting keeps what each command loads its own (the
// dashboard's Ink and React, the sweep's thread pool and schemas load only when used).
//
// dist/bundle/ sits as deep as dist/cli/, so the paths modules build from import.meta.url
// (../../scenarios, ../../package.json, ./sweep-thread.js beside the chunk) point where they did.
import {builtinModules} from 'node:module';
import {build} from 'rolldown';

await build({
  // The CLI and the two thread entry points (worker threads start from a file of their own).
  input: {
    bin: 'dist/cli/bin.js',
    'sweep-thread': 'dist/host/sweep-thread.js',
    'loop-thread': 'dist/host/loop-thread.js',
  },
  platform: 'node',
  external: [
    /^node:/,
    ...builtinModules,
    // piscina starts its own thread from a file beside its code (node_modules/piscina/dist/worker.js).
    /^piscina(\/|$)/,
    // Ink imports React DevTools only when DEV=true; it is not installed.
    'react-devtools-core',
  ],
  output: {
    dir: 'dist/bundle',
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    cleanDir: true,
    // PARLEY_DEBUG's stack traces name dist/ files and lines (bin.ts turns source maps on).
    sourcemap: true,
  },
});

import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    reporters: ['default', './test/helpers/pass-fail-reporter.ts'],
    // The CLI tests run dist/: build it first when src/ is newer.
    globalSetup: ['./test/helpers/global-setup.ts'],
    // End-to-end tests spawn the built CLI; give them room on a 2-core machine.
    testTimeout: 60_000,
    // Test files two at a time on a 2-core machine (vitest's default is one fewer than the cores:
    // one at a time here, which took the suite to nearly 9 minutes). Most files wait on processes
    // they spawn, so the second file fills the gaps.
    maxWorkers: 2,
    hookTimeout: 60_000,
  },
});

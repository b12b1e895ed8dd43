// `npm test`: the unit, CLI, golden-output and browser tests, meant to finish in a couple of
// minutes. The long soaks (kill -9, races, round-trip properties, full disks) live in test/stress/
// and run with `npm run test:stress` (vitest.stress.config.ts).
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // vitest leaves one core to itself by default, which on a two-core machine means one test file
    // at a time; its main process mostly waits, so use both.
    maxWorkers: 2,
    // Each worker loads civsam's modules once for all its test files instead of once per file (the
    // loading was 40 % of the run). The tests leave nothing behind that another file could see:
    // civsam's in-process entry keeps no state between runs, and the tests that stand in for a
    // clock, PATH or a disk call put it back after each test.
    isolate: false,
    // civsam commits what it writes; in-process runs reach git with this process's environment,
    // so the tests bring their own identity instead of depending on the machine's git config.
    env: { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.org' },
    // Every temporary folder of the run in one, removed at its end (see the file).
    globalSetup: ['test/helpers/temporary-root.ts'],
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'test/stress/**'],
  },
});

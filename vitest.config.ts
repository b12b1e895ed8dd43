// `npm test`: the unit, CLI, golden-output and browser tests, meant to finish in a couple of
// minutes. The long soaks (kill -9, races, round-trip properties, full disks) live in test/stress/
// and run with `npm run test:stress` (vitest.stress.config.ts).
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'test/stress/**'],
  },
});

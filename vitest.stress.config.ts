// `npm run test:stress`: the soaks that take minutes (every file under test/stress/), kept out of
// `npm test` so the everyday run stays quick.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/stress/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});

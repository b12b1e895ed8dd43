// `npm run test:stress`: the soaks that take minutes (every file under test/stress/), kept out of
// `npm test` so the everyday run stays quick.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Every temporary folder of the run in one, removed at its end (see the file).
    globalSetup: ['test/helpers/temporary-root.ts'],
    include: ['test/stress/**/*.test.ts'],
    // Soaks take minutes, more on a busy machine; a test that sets its own limit keeps it.
    testTimeout: 1_200_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // civsam commits what it writes; in-process runs reach git with this process's environment,
    // so the tests bring their own identity instead of depending on the machine's git config.
    env: { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.org' },
  },
});

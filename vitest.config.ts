import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // One seed for every property test (tests/setup-fast-check.ts): the suite cannot fail by chance.
    setupFiles: ['tests/setup-fast-check.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores in CI: forks keep opencc/iconv state per worker and memory bounded.
    pool: 'forks',
  },
});
